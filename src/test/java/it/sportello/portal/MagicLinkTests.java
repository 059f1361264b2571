package it.sportello.portal;

import static it.sportello.portal.PortalMailSettings.MAIL;
import static it.sportello.support.Browser.form;
import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.Api;
import it.sportello.support.ApiTestCase;
import it.sportello.support.Browser;
import it.sportello.support.Desk;
import it.sportello.support.IntegrationTest;
import it.sportello.support.MovableClock;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/** Signing in to the portal with a one-time link by e-mail, against a real (in-process) mail server. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(PortalMailSettings.class)
@TestPropertySource(properties = PortalMailSettings.MAIL_HOST)
class MagicLinkTests extends ApiTestCase {

    /** Moved forward test after test, so one test's requests never count against the next; back at the end. */
    @Autowired
    MovableClock clock;

    @AfterAll
    void backToNow() {
        clock.reset();
    }

    private static final Pattern LINK =
            Pattern.compile(Pattern.quote(PortalMailSettings.PUBLIC_URL) + "(/portal/magic-link/[A-Za-z0-9_-]{43})");

    @BeforeEach
    void freshAllowancesAndMailbox() throws Exception {
        // Every test starts a window later, so one test's requests never count against the next.
        clock.advance(Duration.ofHours(1));
        MAIL.purgeEmailFromAllMailboxes();
    }

    @Test
    void mailsALinkThatSignsTheCustomerIn() throws Exception {
        Desk.Person anna = desk.customer();
        PortalVisitor visitor = new PortalVisitor(port);
        assertThat(visitor.get("/portal/login").body())
                .contains("Ricevi un link di accesso via e-mail")
                .contains("action=\"/portal/magic-link\"");

        HttpResponse<String> asked = askForLink(visitor, anna.email().toUpperCase());

        assertThat(asked.statusCode()).isEqualTo(302);
        assertThat(visitor.browser.redirectTarget(asked)).isEqualTo("/portal/magic-link");
        assertThat(visitor.get("/portal/magic-link").body())
                .contains("riceverai a breve un link di accesso valido 15 minuti");
        MimeMessage mail = onlyMailTo(anna.email());
        assertThat(mail.getSubject()).isEqualTo("Il tuo link di accesso a Sportello");
        assertThat(mail.getFrom()[0].toString()).contains("assistenza@sportello.test");
        String body = (String) mail.getContent();
        assertThat(body).contains("Ciao Test customer").contains("entro 15 minuti");
        String link = linkIn(body);

        HttpResponse<String> opened = visitor.get(link);
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(opened.body()).contains("Continua").contains("action=\"" + link + "\"");
        assertThat(visitor.browser.redirectTarget(visitor.get("/portal")))
                .as("opening the link alone signs nobody in (mail scanners open links)")
                .isEqualTo("/portal/login");

        HttpResponse<String> used = visitor.submit(link, link, form());

        assertThat(used.statusCode()).isEqualTo(302);
        assertThat(visitor.browser.redirectTarget(used)).isEqualTo("/portal");
        HttpResponse<String> list = visitor.get("/portal");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Le mie richieste").contains("Test customer");
    }

    @Test
    void aLinkWorksOnlyOnce() throws Exception {
        Desk.Person anna = desk.customer();
        askForLink(new PortalVisitor(port), anna.email());
        String link = linkIn((String) onlyMailTo(anna.email()).getContent());
        PortalVisitor first = new PortalVisitor(port);
        assertThat(first.browser.redirectTarget(first.submit(link, link, form())))
                .isEqualTo("/portal");

        PortalVisitor second = new PortalVisitor(port);
        HttpResponse<String> reopened = second.get(link);
        HttpResponse<String> reused = second.submit("/portal/login", link, form());

        assertThat(reopened.statusCode()).isEqualTo(410);
        assertThat(reopened.body())
                .contains("Questo link non è più valido")
                .contains("action=\"/portal/magic-link\"")
                .doesNotContain("Continua");
        assertThat(reused.statusCode()).isEqualTo(410);
        assertThat(second.browser.redirectTarget(second.get("/portal"))).isEqualTo("/portal/login");
    }

    @Test
    void aLinkExpiresAfterFifteenMinutes() throws Exception {
        Desk.Person anna = desk.customer();
        askForLink(new PortalVisitor(port), anna.email());
        String link = linkIn((String) onlyMailTo(anna.email()).getContent());
        PortalVisitor visitor = new PortalVisitor(port);
        assertThat(visitor.get(link).statusCode()).isEqualTo(200);
        String token = Browser.csrfToken(visitor.get(link).body());

        clock.advance(Duration.ofMinutes(16));

        assertThat(visitor.get(link).statusCode()).isEqualTo(410);
        HttpResponse<String> late = visitor.browser.post(link, form("_csrf", token));
        assertThat(late.statusCode()).isEqualTo(410);
        assertThat(late.body()).contains("valgono 15 minuti");
        assertThat(visitor.browser.redirectTarget(visitor.get("/portal"))).isEqualTo("/portal/login");
    }

    @Test
    void anAddressWithoutACustomerAccountGetsTheSamePageAndNoMail() throws Exception {
        Desk.Person anna = desk.customer();
        Desk.Person agent = desk.agent();
        PortalVisitor visitor = new PortalVisitor(port);

        String nobody = Api.unique("nessuno") + "@example.it";
        HttpResponse<String> unknown = askForLink(visitor, nobody);
        HttpResponse<String> staff = askForLink(visitor, agent.email());
        HttpResponse<String> known = askForLink(visitor, anna.email());

        assertThat(List.of(unknown, staff, known)).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(302);
            assertThat(visitor.browser.redirectTarget(answer)).isEqualTo("/portal/magic-link");
        });
        onlyMailTo(anna.email());
        assertThat(mailsTo(nobody)).isEmpty();
        assertThat(mailsTo(agent.email())).isEmpty();
    }

    @Test
    void sendsAtMostThreeLinksToOneAddressInFifteenMinutes() throws Exception {
        Desk.Person anna = desk.customer();
        Desk.Person bruno = desk.customer();
        PortalVisitor visitor = new PortalVisitor(port);

        for (int i = 1; i <= 4; i++) {
            HttpResponse<String> asked = askForLink(visitor, anna.email());
            assertThat(asked.statusCode()).as("request " + i).isEqualTo(302);
            assertThat(visitor.browser.redirectTarget(asked)).isEqualTo("/portal/magic-link");
        }
        askForLink(visitor, bruno.email());

        onlyMailTo(bruno.email());
        // Bruno's link was asked for last: once it is in, Anna's fourth would have been too.
        Thread.sleep(500);
        assertThat(mailsTo(anna.email())).hasSize(3);
        assertThat(mailsTo(bruno.email())).hasSize(1);

        clock.advance(Duration.ofMinutes(16));
        askForLink(visitor, anna.email());
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (mailsTo(anna.email()).size() < 4 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(mailsTo(anna.email())).hasSize(4);
    }

    @Test
    void refusesMoreThanTenRequestsFromOneClientAddress() {
        PortalVisitor visitor = new PortalVisitor(port);
        for (int i = 1; i <= 10; i++) {
            assertThat(askForLink(visitor, Api.unique("prova") + "@example.it").statusCode())
                    .as("request " + i)
                    .isEqualTo(302);
        }

        HttpResponse<String> refused = askForLink(visitor, Api.unique("prova") + "@example.it");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("900");
        assertThat(refused.body()).contains("Hai chiesto troppi link in poco tempo.");
        clock.advance(Duration.ofMinutes(16));
        assertThat(askForLink(visitor, Api.unique("prova") + "@example.it").statusCode())
                .isEqualTo(302);
    }

    @Test
    void asksForAValidAddressNextToTheField() {
        PortalVisitor visitor = new PortalVisitor(port);

        HttpResponse<String> refused = askForLink(visitor, "non-un-indirizzo");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("id=\"magic-email-error\"")
                .contains("aria-describedby=\"magic-email-error\"")
                .contains("value=\"non-un-indirizzo\"");
    }

    @Test
    void aMadeUpLinkGetsTheFriendlyPage() {
        PortalVisitor visitor = new PortalVisitor(port);

        HttpResponse<String> page = visitor.get("/portal/magic-link/" + "x".repeat(43));

        assertThat(page.statusCode()).isEqualTo(410);
        assertThat(page.body()).contains("Questo link non è più valido").contains("Accedi con la password");
    }

    private HttpResponse<String> askForLink(PortalVisitor visitor, String email) {
        return visitor.submit("/portal/login", "/portal/magic-link", form("email", email));
    }

    /** Waits for the mail to this address: the server is shared, other tests' mail may arrive too. */
    private static MimeMessage onlyMailTo(String email) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        List<MimeMessage> mails = mailsTo(email);
        while (mails.isEmpty() && System.nanoTime() < deadline) {
            MAIL.waitForIncomingEmail(200, MAIL.getReceivedMessages().length + 1);
            mails = mailsTo(email);
        }
        assertThat(mails).as("mail to " + email).hasSize(1);
        return mails.getFirst();
    }

    private static List<MimeMessage> mailsTo(String email) {
        return Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                                .anyMatch(a -> a.toString().equalsIgnoreCase(email));
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private static String linkIn(String body) {
        Matcher link = LINK.matcher(body);
        assertThat(link.find())
                .as("a link to " + PortalMailSettings.PUBLIC_URL + " in:\n" + body)
                .isTrue();
        return link.group(1);
    }
}
