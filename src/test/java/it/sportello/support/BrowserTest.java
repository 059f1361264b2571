package it.sportello.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * An end-to-end test in a real headless Chromium against the whole application on a random port.
 * Tagged {@code browser} (not {@code database}): the flows run once, on H2; what they store is
 * covered on PostgreSQL by the API and page tests. Extend {@link BrowserTestCase}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestSettings.class)
public @interface BrowserTest {}
