package it.sportello.support;

import static it.sportello.support.Api.object;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Builds the people and tickets a test needs through the real API, each with fresh unique
 * addresses, so tests never step on each other's data in the shared database.
 */
public final class Desk {

    public static final String ADMIN = TestSettings.ADMIN_TOKEN;

    private final Api api;

    public Desk(Api api) {
        this.api = api;
    }

    /** A user and an API token acting as them. */
    public record Person(long id, String email, String token, String password) {}

    public Person user(String role) {
        String email = Api.unique(role) + "@sportello.test";
        Api.Reply created = api.post(
                "/api/v1/users",
                ADMIN,
                object("email", email, "displayName", "Test " + role, "role", role, "password", passwordFor(role)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        Api.Reply token = api.post("/api/v1/tokens", ADMIN, object("name", "test " + role, "userId", id));
        assertThat(token.status()).as(token.toString()).isEqualTo(201);
        return new Person(id, email, token.json().get("token").asString(), passwordFor(role));
    }

    private static String passwordFor(String role) {
        return "password-for-" + role;
    }

    public Person agent() {
        return user("agent");
    }

    public Person supervisor() {
        return user("supervisor");
    }

    public Person customer() {
        return user("customer");
    }

    /** A ticket opened by staff for the customer with this e-mail. */
    public JsonNode ticketFor(String customerEmail, String subject) {
        Api.Reply reply = api.post(
                "/api/v1/tickets",
                ADMIN,
                object(
                        "subject",
                        subject,
                        "customer",
                        object("email", customerEmail, "name", "Cliente di prova"),
                        "message",
                        object("body", "Buongiorno, " + subject),
                        "channel",
                        "email",
                        "priority",
                        "normal",
                        "tags",
                        List.of()));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json();
    }

    /** A ticket the customer opened themselves, with their own token. */
    public JsonNode ticketBy(Person customer, String subject) {
        Api.Reply reply = api.post(
                "/api/v1/tickets",
                customer.token(),
                object("subject", subject, "message", object("body", "Ho un problema: " + subject)));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json();
    }

    public JsonNode ticket(String subject) {
        return ticketFor(Api.unique("cliente") + "@example.it", subject);
    }

    public static Map<String, Object> message(String body) {
        return object("body", body);
    }
}
