package it.sportello.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every {@link IntegrationTest} of the API starts from: a client for the application's
 * random port and a {@link Desk} to make people and tickets with.
 */
public abstract class ApiTestCase {

    @LocalServerPort
    protected int port;

    protected Api api;
    protected Desk desk;

    @BeforeEach
    void connect() {
        api = new Api(port);
        desk = new Desk(api);
    }
}
