package it.sportello.ticket;

import static it.sportello.support.Api.object;
import static it.sportello.support.Browser.form;
import static it.sportello.support.Desk.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.Api;
import it.sportello.support.ApiTestCase;
import it.sportello.support.Browser;
import it.sportello.support.Desk;
import it.sportello.support.IntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The staff ticket page over HTTP, as a browser without a screen uses it: what the timeline shows,
 * replying and noting, saving properties (also over someone else's change), merging, the customer
 * beside it, downloads from the session, who may open it, and its live stream.
 */
@IntegrationTest
class TicketPageTests extends ApiTestCase {

    private static final String STALE = "Nel frattempo un altro operatore ha modificato il ticket";
    private static final byte[] PDF =
            ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
                    .getBytes(StandardCharsets.US_ASCII);

    @Test
    void showsTheWholeConversationWithInternalNotesMarkedAndLabelled() {
        Desk.Person customer = desk.customer();
        long id = desk.ticketBy(customer, Api.unique("stampante")).get("id").asLong();
        post(id, ADMIN, object("body", "Le mandiamo subito un tecnico.", "status", "pending"));
        post(id, ADMIN, object("body", "Cliente storico, trattare con priorità.", "type", "note"));
        Browser agent = signedIn(desk.agent());

        // Activity lines are written just after the commit, by the ticket's own listener.
        String html = eventually(agent, "/tickets/" + id, "Stato: Aperto → In attesa del cliente");

        assertThat(html)
                .contains("Ho un problema: stampante")
                .contains("Le mandiamo subito un tecnico.")
                .contains("Cliente storico, trattare con priorità.");
        String note = entryContaining(html, "Cliente storico");
        assertThat(note)
                .as("a note is marked for colour and says so in words")
                .contains("entry entry-note")
                .contains("Nota interna");
        assertThat(entryContaining(html, "Le mandiamo subito"))
                .contains("entry entry-reply")
                .contains("Risposta al cliente")
                .doesNotContain("Nota interna");
        assertThat(entryContaining(html, "Ho un problema"))
                .contains("entry entry-customer")
                .contains("via Sito web")
                .contains("<time datetime=");
        assertThat(html).contains("aria-live=\"polite\"");
        assertThat(html.indexOf("Stato: Nuovo → Aperto"))
                .as("two status changes of one instant read in the order they happened")
                .isPositive()
                .isLessThan(html.indexOf("Stato: Aperto → In attesa del cliente"));
    }

    @Test
    void attachmentsDownloadFromTheSessionWithTheSafeHeaders() {
        long id = desk.ticket(Api.unique("allegato")).get("id").asLong();
        Api.Reply reply = api.multipart(
                "/api/v1/tickets/" + id + "/messages",
                ADMIN,
                "message",
                object("body", "In allegato la fattura"),
                Map.of("pdf", new Api.FilePart("fattura marzo.pdf", "application/pdf", PDF)));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        long attachmentId = reply.json().get("attachments").get(0).get("id").asLong();
        Browser agent = signedIn(desk.agent());

        String html = agent.get("/tickets/" + id).body();
        String link = "/tickets/" + id + "/attachments/" + attachmentId;
        assertThat(html).contains("href=\"" + link + "\"").contains("fattura marzo.pdf");

        HttpResponse<byte[]> file = download(agent, link);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(PDF);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(file.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).startsWith("attachment;"));
        assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(file.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("sandbox"));

        long other = desk.ticket(Api.unique("altro")).get("id").asLong();
        assertThat(download(agent, "/tickets/" + other + "/attachments/" + attachmentId)
                        .statusCode())
                .as("an attachment is reached only through its own ticket")
                .isEqualTo(404);
    }

    @Test
    void aReplyFromThePageReachesTheCustomerAndANoteNeverDoes() {
        Desk.Person customer = desk.customer();
        long id = desk.ticketBy(customer, Api.unique("reso")).get("id").asLong();
        Browser agent = signedIn(desk.agent());
        String token = Browser.csrfToken(agent.get("/tickets/" + id).body());

        HttpResponse<String> replied = agent.post(
                "/tickets/" + id + "/messages",
                form("_csrf", token, "mode", "reply", "body", "Il reso è stato accettato.", "statusAfter", "pending"));
        assertThat(replied.statusCode()).isEqualTo(302);
        assertThat(agent.redirectTarget(replied)).isEqualTo("/tickets/" + id);
        assertThat(agent.get("/tickets/" + id).body()).contains("Risposta inviata.");

        HttpResponse<String> noted = agent.post(
                "/tickets/" + id + "/messages",
                form("_csrf", token, "mode", "note", "body", "Segreto: il corriere ha perso il pacco."));
        assertThat(noted.statusCode()).isEqualTo(302);

        JsonNode seenByCustomer =
                api.get("/api/v1/tickets/" + id, customer.token()).json();
        List<String> bodies = bodies(seenByCustomer);
        assertThat(bodies).contains("Il reso è stato accettato.");
        assertThat(bodies).noneMatch(b -> b.contains("Segreto"));
        assertThat(seenByCustomer.get("status").asString()).isEqualTo("pending");
        assertThat(bodies(api.get("/api/v1/tickets/" + id, ADMIN).json()))
                .contains("Segreto: il corriere ha perso il pacco.");
        assertThat(entryContaining(agent.get("/tickets/" + id).body(), "Segreto"))
                .contains("entry entry-note");
    }

    @Test
    void aReplyWithAFileIsSentAsTheBrowserSendsTheForm() {
        long id = desk.ticket(Api.unique("file")).get("id").asLong();
        Browser agent = signedIn(desk.agent());
        String token = Browser.csrfToken(agent.get("/tickets/" + id).body());

        HttpResponse<String> sent = multipart(
                agent,
                "/tickets/" + id + "/messages",
                Map.of("_csrf", token, "mode", "reply", "body", "Ecco il modulo da compilare."),
                "modulo reso.pdf",
                PDF);

        assertThat(sent.statusCode()).isEqualTo(302);
        JsonNode last = lastMessage(api.get("/api/v1/tickets/" + id, ADMIN).json());
        assertThat(last.get("body").asString()).isEqualTo("Ecco il modulo da compilare.");
        assertThat(last.get("attachments").get(0).get("fileName").asString()).isEqualTo("modulo reso.pdf");
    }

    @Test
    void aFileOverTheLimitBringsTheReplyBoxBackWithTheLimitExplained() {
        long id = desk.ticket(Api.unique("grande")).get("id").asLong();
        Browser agent = signedIn(desk.agent());
        String token = Browser.csrfToken(agent.get("/tickets/" + id).body());
        byte[] big = new byte[20 * 1024 * 1024 + 1024];
        java.util.Arrays.fill(big, (byte) 'a');

        HttpResponse<String> refused = multipart(
                agent,
                "/tickets/" + id + "/messages",
                Map.of("_csrf", token, "mode", "reply", "body", "Allego il video."),
                "video.txt",
                big);

        assertThat(refused.statusCode()).isEqualTo(303);
        String back = agent.redirectTarget(refused);
        assertThat(back).isEqualTo("/tickets/" + id + "?upload=too-large");
        assertThat(agent.get(back).body())
                .contains("id=\"reply-files-error\">Uno dei file supera il limite di 20 MB.</p>");
        assertThat(api.get("/api/v1/tickets/" + id, ADMIN).json().get("messages"))
                .as("nothing was posted")
                .hasSize(1);
    }

    @Test
    void anEmptyReplyIsRefusedNextToTheFieldKeepingWhatWasChosen() {
        long id = desk.ticket(Api.unique("vuoto")).get("id").asLong();
        Browser agent = signedIn(desk.agent());
        String token = Browser.csrfToken(agent.get("/tickets/" + id).body());

        HttpResponse<String> refused = agent.post(
                "/tickets/" + id + "/messages",
                form("_csrf", token, "mode", "note", "body", "   \n  ", "statusAfter", "solved"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("<p class=\"field-error\" id=\"reply-body-error\">Scrivi il messaggio prima di inviarlo.</p>")
                .containsPattern("<textarea id=\"reply-body\"[^>]*aria-invalid=\"true\"")
                .containsPattern("<textarea id=\"reply-body\"[^>]*aria-describedby=\"reply-body-error\"")
                .containsPattern("id=\"mode-note\"[^>]*checked")
                .containsPattern("<option value=\"solved\"\\s+selected");
        assertThat(api.get("/api/v1/tickets/" + id, ADMIN).json().get("messages"))
                .as("nothing was posted")
                .hasSize(1);
    }

    @Test
    void savesThePropertiesOverTheVersionTheAgentSaw() {
        Desk.Person assignee = desk.agent();
        long id = desk.ticket(Api.unique("proprieta")).get("id").asLong();
        Browser agent = signedIn(desk.agent());
        Map<String, String> panel = propertiesOf(agent.get("/tickets/" + id).body());

        panel.put("status", "pending");
        panel.put("priority", "high");
        panel.put("assigneeId", String.valueOf(assignee.id()));
        panel.put("tags", "fattura, reso merce");
        HttpResponse<String> saved = agent.post("/tickets/" + id + "/properties", panel);

        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(agent.get(agent.redirectTarget(saved)).body()).contains("Proprietà salvate.");
        JsonNode ticket = api.get("/api/v1/tickets/" + id, ADMIN).json();
        assertThat(ticket.get("status").asString()).isEqualTo("pending");
        assertThat(ticket.get("priority").asString()).isEqualTo("high");
        assertThat(ticket.get("assignee").get("id").asLong()).isEqualTo(assignee.id());
        assertThat(StreamSupport.stream(ticket.get("tags").spliterator(), false)
                        .map(JsonNode::asString)
                        .toList())
                .containsExactly("fattura", "reso-merce");
    }

    @Test
    void aStaleSaveShowsTheCurrentValuesBesideTheAgentsOwnChoicesReadyToSaveAgain() {
        long id = desk.ticket(Api.unique("conflitto")).get("id").asLong();
        Browser agent = signedIn(desk.agent());
        Map<String, String> panel = propertiesOf(agent.get("/tickets/" + id).body());
        Api.Reply meanwhile =
                api.patch("/api/v1/tickets/" + id, ADMIN, object("priority", "urgent", "tags", List.of("vip")));
        assertThat(meanwhile.status()).as(meanwhile.toString()).isEqualTo(200);

        panel.put("priority", "low");
        HttpResponse<String> stale = agent.post("/tickets/" + id + "/properties", panel);

        assertThat(stale.statusCode()).isEqualTo(409);
        String html = stale.body();
        assertThat(html).contains(STALE);
        assertThat(html)
                .as("current value and the agent's choice side by side")
                .containsPattern("<th scope=\"row\">Priorità</th>\\s*<td class=\"current\">Urgente</td>\\s*"
                        + "<td class=\"yours\">Bassa</td>")
                .containsPattern("<th scope=\"row\">Etichette</th>\\s*<td class=\"current\">vip</td>\\s*"
                        + "<td class=\"yours\">\\(non modificato da te\\)</td>");
        Map<String, String> again = propertiesOf(html);
        assertThat(again.get("priority")).as("the agent's choice is kept").isEqualTo("low");
        assertThat(again.get("tags"))
                .as("what the agent left alone follows the other change")
                .isEqualTo("vip");
        assertThat(api.get("/api/v1/tickets/" + id, ADMIN)
                        .json()
                        .get("priority")
                        .asString())
                .isEqualTo("urgent");

        HttpResponse<String> reapplied = agent.post("/tickets/" + id + "/properties", again);

        assertThat(reapplied.statusCode()).isEqualTo(302);
        JsonNode ticket = api.get("/api/v1/tickets/" + id, ADMIN).json();
        assertThat(ticket.get("priority").asString()).isEqualTo("low");
        assertThat(ticket.get("tags").get(0).asString()).isEqualTo("vip");
    }

    @Test
    void aSaveAfterOnlyANewMessageIsNotStale() {
        Desk.Person customer = desk.customer();
        long id = desk.ticketBy(customer, Api.unique("messaggio")).get("id").asLong();
        Browser agent = signedIn(desk.agent());
        Map<String, String> panel = propertiesOf(agent.get("/tickets/" + id).body());
        post(id, customer.token(), object("body", "Aggiungo un dettaglio."));

        panel.put("priority", "high");
        HttpResponse<String> saved = agent.post("/tickets/" + id + "/properties", panel);

        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(api.get("/api/v1/tickets/" + id, ADMIN)
                        .json()
                        .get("priority")
                        .asString())
                .isEqualTo("high");
    }

    @Test
    void mergesIntoAnotherTicketOnlyAfterConfirmation() {
        String email = Api.unique("doppio") + "@example.it";
        long source = desk.ticketFor(email, Api.unique("doppione")).get("id").asLong();
        long target = desk.ticketFor(email, Api.unique("originale")).get("id").asLong();
        Browser agent = signedIn(desk.agent());
        String token = Browser.csrfToken(agent.get("/tickets/" + source).body());

        HttpResponse<String> unknown =
                agent.post("/tickets/" + source + "/merge", form("_csrf", token, "target", "abc"));
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body())
                .contains("id=\"merge-target-error\">Scrivi il numero del ticket")
                .contains("value=\"abc\"");

        HttpResponse<String> confirm =
                agent.post("/tickets/" + source + "/merge", form("_csrf", token, "target", "#" + target));
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("Unire #" + source + " in #" + target + "?");
        assertThat(api.get("/api/v1/tickets/" + source, ADMIN)
                        .json()
                        .get("status")
                        .asString())
                .as("nothing merged before the confirmation")
                .isNotEqualTo("closed");

        HttpResponse<String> merged = agent.post(
                "/tickets/" + source + "/merge",
                form(
                        "_csrf",
                        Browser.csrfToken(confirm.body()),
                        "target",
                        String.valueOf(target),
                        "confirmed",
                        "true"));
        assertThat(merged.statusCode()).isEqualTo(302);
        assertThat(agent.redirectTarget(merged)).isEqualTo("/tickets/" + source);

        String page = agent.get("/tickets/" + source).body();
        assertThat(page)
                .contains("Questo ticket è stato unito al ticket")
                .contains("href=\"/tickets/" + target + "\"")
                .contains("Ticket unito al ticket #" + target);
        assertThat(api.get("/api/v1/tickets/" + source, ADMIN)
                        .json()
                        .get("mergedIntoId")
                        .asLong())
                .isEqualTo(target);
        assertThat(agent.get("/tickets/" + target).body()).contains("Buongiorno, doppione");
    }

    @Test
    void theCustomerSidebarShowsWhoTheyAreAndTheirOtherTickets() {
        String email = Api.unique("fedele") + "@example.it";
        long older = desk.ticketFor(email, "Consegna in ritardo").get("id").asLong();
        api.patch("/api/v1/tickets/" + older, ADMIN, object("status", "solved"));
        long current = desk.ticketFor(email, "Fattura sbagliata").get("id").asLong();
        Browser agent = signedIn(desk.agent());

        String html = agent.get("/tickets/" + current).body();

        String sidebar = html.substring(html.indexOf("id=\"customer-title\""));
        assertThat(sidebar)
                .contains("Cliente di prova")
                .contains("href=\"mailto:" + email + "\"")
                .contains("Fase del percorso")
                .contains("href=\"/tickets/" + older + "\"")
                .contains("Consegna in ritardo")
                .contains("badge status-solved");
        String others = sidebar.substring(sidebar.indexOf("Altri ticket del cliente"));
        assertThat(others.substring(0, others.indexOf("</ul>")))
                .as("not the ticket being shown")
                .doesNotContain("href=\"/tickets/" + current + "\"");
    }

    @Test
    void anUnknownTicketIsTheNotFoundPage() {
        Browser agent = signedIn(desk.agent());

        HttpResponse<String> page = agent.get("/tickets/987654321012");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("La pagina che cerchi non esiste.");
    }

    @Test
    void customersAndStrangersCannotOpenTheTicketPage() {
        Desk.Person customer = desk.customer();
        long id = desk.ticketBy(customer, Api.unique("mio")).get("id").asLong();
        Browser signedInCustomer = signedIn(customer);

        HttpResponse<String> forbidden = signedInCustomer.get("/tickets/" + id);
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("Non hai i permessi per questa pagina.");
        assertThat(signedInCustomer.get("/tickets/" + id + "/live").statusCode())
                .isEqualTo(403);

        HttpResponse<String> stranger = new Browser(port).get("/tickets/" + id);
        assertThat(stranger.statusCode()).isEqualTo(302);
        assertThat(new Browser(port).redirectTarget(stranger)).isEqualTo("/login");
    }

    @Test
    void theLiveStreamTellsAnOpenPageAboutNewMessagesAndWhoElseIsReplying() throws Exception {
        Desk.Person customer = desk.customer();
        long id = desk.ticketBy(customer, Api.unique("diretta")).get("id").asLong();
        Browser first = signedIn(desk.agent());
        Desk.Person marco = staff("Marco Bianchi");
        Browser second = signedIn(marco);

        try (EventStream events = EventStream.open(port, first, "/tickets/" + id + "/live")) {
            assertThat(events.status()).isEqualTo(200);
            assertThat(events.contentType()).startsWith("text/event-stream");
            events.await("event:hello");

            post(id, customer.token(), object("body", "Ci sono novità?"));
            events.await("event:ticket");
            events.await("data:message");

            String token = Browser.csrfToken(second.get("/tickets/" + id).body());
            HttpResponse<String> beat =
                    second.post("/tickets/" + id + "/presence", form("_csrf", token, "replying", "true"));
            assertThat(beat.statusCode()).isEqualTo(204);
            events.await("event:presence");
            String presence = events.await("data:[{");
            assertThat(presence).contains("\"name\":\"Marco Bianchi\"").contains("\"replying\":true");
        }

        assertThat(first.get("/tickets/" + id + "/timeline").body())
                .as("the fragment a page fetches when told")
                .contains("Ci sono novità?")
                .contains("id=\"timeline-list\"");
    }

    @Test
    void theLiveStreamAlsoHearsOfNotesAndEditsMadeThroughTheApi() throws Exception {
        long id = desk.ticket(Api.unique("diretta api")).get("id").asLong();
        Browser page = signedIn(desk.agent());

        try (EventStream events = EventStream.open(port, page, "/tickets/" + id + "/live")) {
            events.await("event:hello");

            post(id, ADMIN, object("body", "Nota per i colleghi", "type", "note"));
            events.await("data:message");

            api.patch("/api/v1/tickets/" + id, ADMIN, object("priority", "urgent", "tags", List.of("vip")));
            events.await("data:properties");
        }
    }

    @Test
    void theLiveStreamOfAnUnknownTicketIsNotFound() {
        Browser agent = signedIn(desk.agent());

        assertThat(agent.get("/tickets/987654321012/live", Map.of("Accept", "text/event-stream"))
                        .statusCode())
                .isEqualTo(404);
    }

    // ---- helpers

    /** The page once it shows {@code text}, asking again for up to five seconds. */
    private static String eventually(Browser browser, String path, String text) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            HttpResponse<String> page = browser.get(path);
            assertThat(page.statusCode()).isEqualTo(200);
            if (page.body().contains(text) || System.nanoTime() > deadline) {
                assertThat(page.body()).contains(text);
                return page.body();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private Browser signedIn(Desk.Person person) {
        Browser browser = new Browser(port);
        HttpResponse<String> signIn = browser.signIn(person.email(), person.password());
        assertThat(signIn.statusCode()).as("signed in").isEqualTo(302);
        assertThat(browser.redirectTarget(signIn)).doesNotContain("error");
        return browser;
    }

    /** An agent with a name of their own (the desk's people are all called "Test agent"). */
    private Desk.Person staff(String name) {
        String email = Api.unique("operatore") + "@sportello.test";
        String password = "password-di-" + email;
        Api.Reply created = api.post(
                "/api/v1/users",
                ADMIN,
                object("email", email, "displayName", name, "role", "agent", "password", password));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Desk.Person(created.json().get("id").asLong(), email, null, password);
    }

    private void post(long ticket, String token, Map<String, Object> message) {
        Api.Reply reply = api.post("/api/v1/tickets/" + ticket + "/messages", token, message);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    }

    private static List<String> bodies(JsonNode ticket) {
        return StreamSupport.stream(ticket.get("messages").spliterator(), false)
                .map(m -> m.get("body").asString())
                .toList();
    }

    /** The {@code <li>} of the timeline that contains {@code text}. */
    private static String entryContaining(String html, String text) {
        int at = html.indexOf(text);
        assertThat(at).as("'" + text + "' on the page").isNotNegative();
        int start = html.lastIndexOf("<li ", at);
        int end = html.indexOf("</li>", at);
        return html.substring(start, end);
    }

    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"(\\w+)\" value=\"([^\"]*)\"");
    private static final Pattern SELECTED =
            Pattern.compile("<select id=\"prop-\\w+\" name=\"(\\w+)\"[^>]*>(.*?)</select>", Pattern.DOTALL);
    private static final Pattern SELECTED_OPTION = Pattern.compile("<option value=\"([^\"]*)\"\\s+selected");
    private static final Pattern TAGS =
            Pattern.compile("<input type=\"text\" id=\"prop-tags\" name=\"tags\" value=\"([^\"]*)\"");

    /** The properties form as the page would submit it: CSRF token, hidden fields and chosen values. */
    private static Map<String, String> propertiesOf(String html) {
        String panel = html.substring(html.indexOf("id=\"properties\""), html.indexOf("id=\"customer-title\""));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", Browser.csrfToken(panel));
        Matcher hidden = HIDDEN.matcher(panel);
        while (hidden.find()) {
            if (!hidden.group(1).equals("_csrf")) {
                fields.put(hidden.group(1), hidden.group(2));
            }
        }
        Matcher select = SELECTED.matcher(panel);
        while (select.find()) {
            Matcher option = SELECTED_OPTION.matcher(select.group(2));
            fields.put(select.group(1), option.find() ? option.group(1) : "");
        }
        Matcher tags = TAGS.matcher(panel);
        fields.put("tags", tags.find() ? tags.group(1) : "");
        return fields;
    }

    private static JsonNode lastMessage(JsonNode ticket) {
        JsonNode messages = ticket.get("messages");
        return messages.get(messages.size() - 1);
    }

    /** A form with one file, sent as a browser sends {@code enctype="multipart/form-data"}. */
    private static HttpResponse<String> multipart(
            Browser browser, String path, Map<String, String> fields, String fileName, byte[] file) {
        String boundary = "----sportello" + java.util.UUID.randomUUID();
        var body = new java.io.ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\""
                        + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(browser.base() + path))
                                    .timeout(Duration.ofSeconds(30))
                                    .header(
                                            "Cookie",
                                            "JSESSIONID="
                                                    + browser.cookie("JSESSIONID")
                                                            .orElseThrow())
                                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<byte[]> download(Browser browser, String path) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(browser.base() + path))
                                    .header(
                                            "Cookie",
                                            "JSESSIONID="
                                                    + browser.cookie("JSESSIONID")
                                                            .orElseThrow())
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A text/event-stream read line by line in the background, as a page's EventSource would. */
    private static final class EventStream implements AutoCloseable {

        private final HttpResponse<Stream<String>> response;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final Thread reader;

        private EventStream(HttpResponse<Stream<String>> response) {
            this.response = response;
            this.reader = Thread.ofVirtual().start(() -> {
                try {
                    response.body().forEach(lines::add);
                } catch (RuntimeException closed) {
                    // the test closed the stream
                }
            });
        }

        static EventStream open(int port, Browser session, String path) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept", "text/event-stream")
                    .header(
                            "Cookie",
                            "JSESSIONID=" + session.cookie("JSESSIONID").orElseThrow())
                    .build();
            return new EventStream(HttpClient.newHttpClient()
                    .sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                    .get(10, TimeUnit.SECONDS));
        }

        int status() {
            return response.statusCode();
        }

        String contentType() {
            return response.headers().firstValue("Content-Type").orElse("");
        }

        /** The next line that starts with {@code prefix}, waiting up to ten seconds for it. */
        String await(String prefix) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line != null && line.startsWith(prefix)) {
                    return line;
                }
            }
            throw new AssertionError("No line starting with '" + prefix + "' within ten seconds");
        }

        @Override
        public void close() {
            response.body().close();
            reader.interrupt();
        }
    }
}
