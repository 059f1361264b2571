package it.sportello.portal;

import static it.sportello.support.Api.object;
import static it.sportello.support.Browser.form;
import static it.sportello.support.Desk.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.Api;
import it.sportello.support.ApiTestCase;
import it.sportello.support.Browser;
import it.sportello.support.Desk;
import it.sportello.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** The customer portal through HTTP, as a browser without a screen uses it; no mail server here. */
@IntegrationTest
class PortalPagesTests extends ApiTestCase {

    private static final String PASSWORD = "una-password-lunga";
    private static final Pattern REQUEST_PATH = Pattern.compile("/portal/requests/(\\d+)");

    @Test
    void signsUpAndFindsTheRequestsSentByEmailBefore() {
        String email = Api.unique("scrive") + "@example.it";
        String subject = Api.unique("Ordine in ritardo");
        desk.ticketFor(email, subject);
        PortalVisitor visitor = new PortalVisitor(port);

        HttpResponse<String> signedUp = visitor.signUp("Anna Ferri", email.toUpperCase(), PASSWORD, "it");

        assertThat(signedUp.statusCode()).as(signedUp.body()).isEqualTo(302);
        assertThat(visitor.browser.redirectTarget(signedUp)).isEqualTo("/portal");
        HttpResponse<String> list = visitor.get("/portal");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body())
                .contains("Ti diamo il benvenuto, Anna Ferri!")
                .contains(subject)
                .contains("In lavorazione")
                .contains("Anna Ferri");
        assertThat(visitor.get("/portal").body()).as("the welcome shows once").doesNotContain("benvenuto");
        Api.Reply account = api.get("/api/v1/users?email=" + email, ADMIN);
        assertThat(account.body()).contains("\"role\":\"customer\"");
    }

    @Test
    void signsUpInTheChosenLanguage() {
        PortalVisitor visitor = new PortalVisitor(port);

        HttpResponse<String> signedUp =
                visitor.signUp("Jane Cole", Api.unique("jane") + "@example.com", PASSWORD, "en");

        assertThat(signedUp.statusCode()).isEqualTo(302);
        HttpResponse<String> list = visitor.get("/portal");
        assertThat(list.body())
                .contains("<html lang=\"en\">")
                .contains("My requests")
                .contains("No requests yet")
                .contains("Open a request");
    }

    @Test
    void tellsAnAddressWithAnAccountNextToTheFieldAndKeepsTheInput() {
        Desk.Person existing = desk.customer();
        PortalVisitor visitor = new PortalVisitor(port);

        HttpResponse<String> refused = visitor.signUp("Mario Doppio", existing.email(), PASSWORD, "it");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("id=\"email-error\"")
                .contains("Esiste già un account con questo indirizzo.")
                .contains("aria-describedby=\"email-error\"")
                .contains("value=\"Mario Doppio\"")
                .contains("value=\"" + existing.email() + "\"")
                .doesNotContain(PASSWORD);
        assertThat(visitor.browser.redirectTarget(visitor.get("/portal"))).isEqualTo("/portal/login");
    }

    @Test
    void refusesAShortPasswordAndCreatesNoAccount() {
        String email = Api.unique("corta") + "@example.it";
        PortalVisitor visitor = new PortalVisitor(port);

        HttpResponse<String> refused = visitor.signUp("Pia Breve", email, "corta", "it");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("id=\"password-error\"")
                .contains("La password deve avere almeno 10 caratteri.")
                .contains("aria-describedby=\"password-hint password-error\"")
                .contains("value=\"Pia Breve\"");
        assertThat(api.get("/api/v1/users?email=" + email, ADMIN)
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
    }

    @Test
    void listsOnlyTheCustomersOwnRequests() {
        Desk.Person anna = desk.customer();
        Desk.Person bruno = desk.customer();
        String mine = Api.unique("La mia richiesta");
        String theirs = Api.unique("La richiesta di Bruno");
        desk.ticketBy(anna, mine);
        desk.ticketBy(bruno, theirs);

        PortalVisitor visitor = signedIn(anna);
        HttpResponse<String> list = visitor.get("/portal");

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(mine).doesNotContain(theirs);
    }

    @Test
    void showsTheStatusInTheCustomersWords() {
        Desk.Person anna = desk.customer();
        long waiting = desk.ticketBy(anna, Api.unique("Attesa")).get("id").asLong();
        long solved = desk.ticketBy(anna, Api.unique("Risolta")).get("id").asLong();
        changeStatus(waiting, "pending");
        changeStatus(solved, "solved");

        PortalVisitor visitor = signedIn(anna);

        assertThat(visitor.get("/portal").body())
                .contains("In attesa di una tua risposta")
                .contains("Risolta");
        assertThat(visitor.get("/portal/requests/" + waiting).body()).contains("In attesa di una tua risposta");
    }

    @Test
    void answersAnotherCustomersRequestWithTheNotFoundPage() {
        Desk.Person anna = desk.customer();
        Desk.Person bruno = desk.customer();
        String secret = Api.unique("Segreto di Bruno");
        long theirs = desk.ticketBy(bruno, secret).get("id").asLong();
        PortalVisitor visitor = signedIn(anna);

        HttpResponse<String> page = visitor.get("/portal/requests/" + theirs);
        HttpResponse<String> reply = visitor.submitMultipart(
                "/portal/requests/new",
                "/portal/requests/" + theirs + "/replies",
                Map.of("body", "Intrusione"),
                List.of());

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("La pagina che cerchi non esiste.").doesNotContain(secret);
        assertThat(reply.statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v1/tickets/" + theirs, ADMIN).body()).doesNotContain("Intrusione");
        assertThat(visitor.get("/portal/requests/999999999").statusCode()).isEqualTo(404);
    }

    @Test
    void showsThePublicConversationButNeverInternalNotes() {
        Desk.Person anna = desk.customer();
        Desk.Person agent = desk.agent();
        long id = desk.ticketBy(anna, Api.unique("Note")).get("id").asLong();
        String note = Api.unique("Nota riservata al team");
        String answer = Api.unique("Risposta pubblica");
        assertThat(api.post("/api/v1/tickets/" + id + "/messages", agent.token(), object("body", note, "type", "note"))
                        .status())
                .isEqualTo(201);
        assertThat(api.post("/api/v1/tickets/" + id + "/messages", agent.token(), object("body", answer))
                        .status())
                .isEqualTo(201);

        HttpResponse<String> page = signedIn(anna).get("/portal/requests/" + id);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains(answer)
                .contains("Test agent · Servizio clienti")
                .contains("Ho un problema")
                .doesNotContain(note);
    }

    @Test
    void aReplyIsPostedAndReopensASolvedRequest() {
        Desk.Person anna = desk.customer();
        long id = desk.ticketBy(anna, Api.unique("Riapertura")).get("id").asLong();
        changeStatus(id, "solved");
        PortalVisitor visitor = signedIn(anna);
        String page = "/portal/requests/" + id;
        assertThat(visitor.get(page).body()).contains("se rispondi, la riapriamo");

        HttpResponse<String> replied = visitor.submitMultipart(
                page,
                page + "/replies",
                Map.of("body", "Il problema è tornato"),
                List.of(new Api.FilePart("foto.txt", "text/plain", "schermata".getBytes(StandardCharsets.UTF_8))));

        assertThat(replied.statusCode()).as(replied.body()).isEqualTo(302);
        assertThat(visitor.browser.redirectTarget(replied)).startsWith(page);
        assertThat(api.get("/api/v1/tickets/" + id, ADMIN).json().get("status").asString())
                .isEqualTo("open");
        HttpResponse<String> after = visitor.get(page);
        assertThat(after.body())
                .contains("Risposta inviata.")
                .contains("Il problema è tornato")
                .contains("foto.txt")
                .contains("In lavorazione");
    }

    @Test
    void anEmptyReplyIsRefusedNextToTheField() {
        Desk.Person anna = desk.customer();
        long id = desk.ticketBy(anna, Api.unique("Vuota")).get("id").asLong();
        PortalVisitor visitor = signedIn(anna);
        String page = "/portal/requests/" + id;

        HttpResponse<String> refused =
                visitor.submitMultipart(page, page + "/replies", Map.of("body", "  "), List.of());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"body-error\"").contains("Scrivi un messaggio prima di inviarlo.");
        assertThat(api.get("/api/v1/tickets/" + id, ADMIN)
                        .json()
                        .get("messages")
                        .size())
                .isEqualTo(1);
    }

    @Test
    void opensANewRequestWithAnAttachmentAndConfirmsItsNumber() {
        Desk.Person anna = desk.customer();
        PortalVisitor visitor = signedIn(anna);
        String subject = Api.unique("Fattura di marzo");
        byte[] receipt = "Ricevuta n. 42".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> created = visitor.submitMultipart(
                "/portal/requests/new",
                "/portal/requests",
                Map.of("subject", subject, "description", "Non ho ricevuto la fattura."),
                List.of(new Api.FilePart("ricevuta.txt", "text/plain", receipt)));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        String target = visitor.browser.redirectTarget(created);
        Matcher path = REQUEST_PATH.matcher(target);
        assertThat(path.matches()).as(target).isTrue();
        long id = Long.parseLong(path.group(1));
        HttpResponse<String> page = visitor.get(target);
        assertThat(page.body())
                .contains("Il numero di riferimento è #" + id)
                .contains(subject)
                .contains("Non ho ricevuto la fattura.")
                .contains("ricevuta.txt");
        JsonNode ticket = api.get("/api/v1/tickets/" + id, ADMIN).json();
        assertThat(ticket.get("channel").asString()).isEqualTo("web");
        assertThat(ticket.get("requester").get("email").asString()).isEqualTo(anna.email());

        long attachment = attachmentIdIn(page.body());
        HttpResponse<byte[]> download = visitor.download("/portal/attachments/" + attachment);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(receipt);
        assertThat(download.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("attachment;").contains("ricevuta.txt"));
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(download.headers().allValues("Content-Security-Policy"))
                .containsExactly("sandbox; default-src 'none'");

        HttpResponse<byte[]> someoneElse = signedIn(desk.customer()).download("/portal/attachments/" + attachment);
        assertThat(someoneElse.statusCode()).isEqualTo(404);
        assertThat(new String(someoneElse.body(), StandardCharsets.UTF_8)).doesNotContain("Ricevuta n. 42");
    }

    @Test
    void refusesAnIncompleteNewRequestKeepingTheInputAndCreatingNothing() {
        Desk.Person anna = desk.customer();
        PortalVisitor visitor = signedIn(anna);
        long before = ownTickets(anna);

        HttpResponse<String> refused = visitor.submitMultipart(
                "/portal/requests/new",
                "/portal/requests",
                Map.of("subject", " ", "description", "Descrizione da non perdere"),
                List.of(new Api.FilePart("nota.txt", "text/plain", "x".getBytes(StandardCharsets.UTF_8))));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("id=\"subject-error\"")
                .contains("Scrivi l&#39;oggetto della richiesta.")
                .contains("aria-describedby=\"subject-hint subject-error\"")
                .contains("Descrizione da non perdere")
                .contains("selezionali di nuovo");
        assertThat(ownTickets(anna)).isEqualTo(before);
    }

    @Test
    void refusesAProgramAsAttachmentAndCreatesNothing() {
        Desk.Person anna = desk.customer();
        PortalVisitor visitor = signedIn(anna);
        long before = ownTickets(anna);
        byte[] program = new byte[512];
        program[0] = 'M';
        program[1] = 'Z';

        HttpResponse<String> refused = visitor.submitMultipart(
                "/portal/requests/new",
                "/portal/requests",
                Map.of("subject", "Con un programma", "description", "Vedi allegato"),
                List.of(new Api.FilePart("setup.exe", "application/octet-stream", program)));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"attachments-error\"").contains("value=\"Con un programma\"");
        assertThat(ownTickets(anna)).isEqualTo(before);
    }

    @ParameterizedTest(name = "CSRF token after the file: {0}")
    @ValueSource(booleans = {false, true})
    void explainsAnUploadLargerThanTheServerAcceptsInsteadOfRefusingIt(boolean tokenLast) {
        Desk.Person anna = desk.customer();
        PortalVisitor visitor = signedIn(anna);
        long before = ownTickets(anna);

        HttpResponse<String> refused = visitor.submitMultipart(
                "/portal/requests/new",
                "/portal/requests",
                Map.of("subject", "Con un file enorme", "description", "Vedi allegato"),
                List.of(new Api.FilePart("enorme.pdf", "application/pdf", new byte[21 * 1024 * 1024])),
                tokenLast);

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("superano la dimensione consentita");
        assertThat(ownTickets(anna)).isEqualTo(before);
    }

    @Test
    void keepsAThrottledCustomerOnThePortalsSignInPage() {
        Desk.Person anna = desk.customer();
        PortalVisitor visitor = new PortalVisitor(port);
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(visitor.signIn(anna.email(), "tentativo-" + attempt).statusCode())
                    .isEqualTo(302);
        }

        HttpResponse<String> throttled = visitor.signIn(anna.email(), anna.password());

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.body()).contains("Accedi alle tue richieste").contains("Troppi tentativi falliti");
    }

    @Test
    void staffOnThePortalGetTheForbiddenPage() {
        Desk.Person agent = desk.agent();
        Browser browser = new Browser(port);
        browser.signIn(agent.email(), agent.password());

        HttpResponse<String> page = browser.get("/portal");

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("Non hai i permessi per questa pagina.");
    }

    @Test
    void sendsAnAnonymousVisitorToThePortalSignIn() {
        Browser browser = new Browser(port);

        for (String path : List.of("/portal", "/portal/requests/new", "/portal/requests/1")) {
            HttpResponse<String> response = browser.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(browser.redirectTarget(response)).as(path).isEqualTo("/portal/login");
        }
    }

    @Test
    void signsInOnThePortalPageAndComesBackThereOnAWrongPassword() {
        Desk.Person anna = desk.customer();
        PortalVisitor visitor = new PortalVisitor(port);

        HttpResponse<String> refused = visitor.signIn(anna.email(), "password-sbagliata");

        assertThat(visitor.browser.redirectTarget(refused)).isEqualTo("/portal/login?error");
        assertThat(visitor.get("/portal/login?error").body()).contains("E-mail o password errate.");
        HttpResponse<String> signedIn = visitor.signIn(anna.email(), anna.password());
        assertThat(visitor.browser.redirectTarget(signedIn)).isEqualTo("/");
        assertThat(visitor.browser.redirectTarget(visitor.get("/"))).isEqualTo("/portal");
        assertThat(visitor.browser.redirectTarget(visitor.get("/portal/login")))
                .as("a signed-in customer skips the sign-in page")
                .isEqualTo("/portal");
    }

    @Test
    void offersNoSignInLinksWithoutAMailServer() {
        PortalVisitor visitor = new PortalVisitor(port);

        HttpResponse<String> login = visitor.get("/portal/login");

        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body())
                .contains("name=\"portal\" value=\"1\"")
                .contains("name=\"password\"")
                .doesNotContain("/portal/magic-link");
        HttpResponse<String> asked = visitor.submit(
                "/portal/login",
                "/portal/magic-link",
                form("email", desk.customer().email()));
        assertThat(asked.statusCode()).isEqualTo(404);
    }

    @Test
    void showsThePagesInEnglishWhenAsked() {
        PortalVisitor visitor = new PortalVisitor(port);

        assertThat(visitor.get("/portal/login?lang=en").body())
                .contains("Sign in to your requests")
                .contains("Sign up")
                .doesNotContain("Registrati");
        assertThat(visitor.get("/portal/signup").body())
                .contains("Create your account")
                .contains("At least 10 characters");
    }

    private PortalVisitor signedIn(Desk.Person customer) {
        PortalVisitor visitor = new PortalVisitor(port);
        HttpResponse<String> signedIn = visitor.signIn(customer.email(), customer.password());
        assertThat(visitor.browser.redirectTarget(signedIn)).isEqualTo("/");
        return visitor;
    }

    private void changeStatus(long ticket, String status) {
        Api.Reply changed = api.patch("/api/v1/tickets/" + ticket, ADMIN, object("status", status));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    }

    private long ownTickets(Desk.Person customer) {
        return api.get("/api/v1/tickets", customer.token()).json().get("total").asLong();
    }

    private static long attachmentIdIn(String html) {
        Matcher link = Pattern.compile("/portal/attachments/(\\d+)").matcher(html);
        assertThat(link.find()).as("an attachment link in the page").isTrue();
        return Long.parseLong(link.group(1));
    }
}
