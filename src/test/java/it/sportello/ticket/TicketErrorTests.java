package it.sportello.ticket;

import static it.sportello.support.Api.object;
import static it.sportello.support.Desk.ADMIN;
import static it.sportello.ticket.Problems.assertInvalid;
import static it.sportello.ticket.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.Api;
import it.sportello.support.ApiTestCase;
import it.sportello.support.Desk;
import it.sportello.support.IntegrationTest;
import it.sportello.support.TestFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

/**
 * Every way the ticket API can refuse a request: always an RFC 9457 problem with the right status
 * and, for bad input, the failing field; never a stack trace; and a refused create leaves neither
 * a ticket nor a customer nor a stored file behind.
 */
@IntegrationTest
class TicketErrorTests extends ApiTestCase {

    private static final String TICKETS = "/api/v1/tickets";

    @Value("${sportello.attachments.directory}")
    Path attachmentDirectory;

    // --- 400: the body

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "truncated    | {\"subject\": \"SUBJECT\", \"customer\": {\"email\": \"EMAIL\"}, \"message\": {",
                "no comma     | {\"subject\": \"SUBJECT\" \"customer\": {\"email\": \"EMAIL\"}, \"message\": {\"body\": \"x\"}}",
                "single quote | {'subject': 'SUBJECT', 'customer': {'email': 'EMAIL'}, 'message': {'body': 'x'}}",
                "garbage      | {\"subject\": \"SUBJECT\", \"customer\": {\"email\": \"EMAIL\"}, \"message\": {\"body\": x}}",
                "not json     | subject=SUBJECT&email=EMAIL"
            })
    void malformedJsonIsABadRequestAndCreatesNothing(String kind, String template) {
        String subject = Api.unique("malformato");
        String email = Api.unique("malformato") + "@example.it";

        Api.Reply reply = api.sendJson(
                "POST", TICKETS, ADMIN, template.replace("SUBJECT", subject).replace("EMAIL", email));

        JsonNode problem = assertProblem(reply, 400);
        assertThat(problem.get("detail").asString()).as(kind).isEqualTo("The request body is not valid JSON");
        assertNothingCreated(subject, email);
    }

    @ParameterizedTest(name = "priority {0}")
    @CsvSource(
            delimiter = '|',
            value = {"5", "\"supreme\"", "true", "[\"high\"]", "{\"level\": 1}"})
    void aPriorityOfTheWrongTypeOrValueNamesTheField(String priority) {
        String subject = Api.unique("priorita");
        String email = Api.unique("priorita") + "@example.it";
        String body = "{\"subject\": \"" + subject + "\", \"customer\": {\"email\": \"" + email + "\"},"
                + " \"message\": {\"body\": \"Ciao\"}, \"priority\": " + priority + "}";

        assertInvalid(api.sendJson("POST", TICKETS, ADMIN, body), "priority");
        assertNothingCreated(subject, email);
    }

    @Test
    void aWrongTypeDeepInsideNamesThePath() {
        String subject = Api.unique("annidato");
        String email = Api.unique("annidato") + "@example.it";
        String body = "{\"subject\": \"" + subject + "\", \"customer\": {\"email\": \"" + email + "\"},"
                + " \"message\": {\"body\": \"Ciao\", \"status\": \"boh\"}}";

        assertInvalid(api.sendJson("POST", TICKETS, ADMIN, body), "message.status");
        assertNothingCreated(subject, email);
    }

    @Test
    void aMissingSubjectIsRefused() {
        String email = Api.unique("senzaoggetto") + "@example.it";
        Map<String, Object> ticket = validTicket("ignored", email);
        ticket.remove("subject");

        assertInvalid(api.post(TICKETS, ADMIN, ticket), "subject");
        assertThat(api.get("/api/v1/customers?exactEmail=" + email, ADMIN).status())
                .isEqualTo(404);
    }

    @Test
    void aBlankSubjectIsRefused() {
        String email = Api.unique("oggettovuoto") + "@example.it";
        Map<String, Object> ticket = validTicket("ignored", email);
        ticket.put("subject", "   \t ");

        assertInvalid(api.post(TICKETS, ADMIN, ticket), "subject");
        assertThat(api.get("/api/v1/customers?exactEmail=" + email, ADMIN).status())
                .isEqualTo(404);
    }

    @Test
    void aMissingMessageIsRefused() {
        String subject = Api.unique("senzamessaggio");
        String email = Api.unique("senzamessaggio") + "@example.it";
        Map<String, Object> ticket = validTicket(subject, email);
        ticket.remove("message");

        assertInvalid(api.post(TICKETS, ADMIN, ticket), "message");
        assertNothingCreated(subject, email);
    }

    @Test
    void anUnknownFieldIsRefusedByName() {
        String subject = Api.unique("sconosciuto");
        String email = Api.unique("sconosciuto") + "@example.it";
        Map<String, Object> ticket = validTicket(subject, email);
        ticket.put("colour", "red");

        JsonNode problem = assertInvalid(api.post(TICKETS, ADMIN, ticket), "colour");
        assertThat(problem.get("errors").get(0).get("message").asString()).isEqualTo("is not a known field");
        assertNothingCreated(subject, email);
    }

    @Test
    void anInvalidEmailIsRefused() {
        String subject = Api.unique("email");
        Map<String, Object> ticket = validTicket(subject, "non-un-indirizzo");

        assertInvalid(api.post(TICKETS, ADMIN, ticket), "customer.email");
        assertNothingCreated(subject, "non-un-indirizzo");
    }

    @Test
    void staffMustSayWhoTheTicketIsFor() {
        String subject = Api.unique("senzacliente");
        Map<String, Object> ticket = validTicket(subject, "x@example.it");
        ticket.remove("customer");

        assertInvalid(api.post(TICKETS, ADMIN, ticket), "customer");
        assertThat(search(subject)).isZero();

        ticket.put("customer", object("name", "Solo un nome"));
        assertInvalid(api.post(TICKETS, ADMIN, ticket), "customer");
        assertThat(search(subject)).isZero();
    }

    @Test
    void anUnknownCustomerIdIsNotFoundAndCreatesNothing() {
        String subject = Api.unique("clienteignoto");
        Map<String, Object> ticket = validTicket(subject, "x@example.it");
        ticket.put("customer", object("id", 999_999_999_999L));

        assertProblem(api.post(TICKETS, ADMIN, ticket), 404);
        assertThat(search(subject)).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"body\": \"\"}",
                "{\"body\": \"   \\n\\t \"}",
                "{}",
                "{\"html\": \"<script>alert(1)</script><p>  </p>\"}"
            })
    void anEmptyMessageBodyIsRefused(String message) {
        String subject = Api.unique("corpovuoto");
        String email = Api.unique("corpovuoto") + "@example.it";
        String body = "{\"subject\": \"" + subject + "\", \"customer\": {\"email\": \"" + email + "\"}, \"message\": "
                + message + "}";

        assertInvalid(api.sendJson("POST", TICKETS, ADMIN, body), "message.body");
        assertNothingCreated(subject, email);
    }

    @Test
    void anEmptyReplyIsRefusedAndAddsNoMessage() {
        long id = desk.ticket(Api.unique("rispostavuota")).get("id").asLong();

        assertInvalid(api.post(TICKETS + "/" + id + "/messages", ADMIN, object("body", " ")), "message.body");
        assertInvalid(api.post(TICKETS + "/" + id + "/messages", ADMIN, object("body", "x", "type", "memo")), "type");
        assertThat(api.get(TICKETS + "/" + id, ADMIN).json().get("messages")).hasSize(1);
    }

    @Test
    void anInvalidTagIsRefused() {
        String subject = Api.unique("tag");
        String email = Api.unique("tag") + "@example.it";
        Map<String, Object> ticket = validTicket(subject, email);
        ticket.put("tags", List.of("buono", "non/valido"));

        assertInvalid(api.post(TICKETS, ADMIN, ticket), "tags");
        assertNothingCreated(subject, email);

        long id = desk.ticket(Api.unique("retag")).get("id").asLong();
        assertInvalid(api.patch(TICKETS + "/" + id, ADMIN, object("tags", List.of("a b c", "<b>"))), "tags");
        assertThat(api.get(TICKETS + "/" + id, ADMIN).json().get("tags")).isEmpty();
    }

    @Test
    void anInvalidChangeIsRefusedAsAWhole() {
        JsonNode ticket = desk.ticket(Api.unique("cambio"));
        long id = ticket.get("id").asLong();

        assertInvalid(api.patch(TICKETS + "/" + id, ADMIN, object("priority", "urgent", "subject", "")), "subject");
        assertInvalid(
                api.patch(TICKETS + "/" + id, ADMIN, object("priority", "urgent", "assigneeId", -4)), "assigneeId");
        assertInvalid(api.patch(TICKETS + "/" + id, ADMIN, object("priority", "urgent", "status", "chiuso")), "status");

        JsonNode after = api.get(TICKETS + "/" + id, ADMIN).json();
        assertThat(after.get("priority").asString()).isEqualTo("normal");
        assertThat(after.get("version").asLong())
                .isEqualTo(ticket.get("version").asLong());
    }

    @Test
    void assigningToSomeoneWhoIsNotAnAgentIsRefused() {
        Desk.Person customer = desk.customer();
        long id = desk.ticket(Api.unique("assegna")).get("id").asLong();

        Api.Reply reply = api.patch(TICKETS + "/" + id, ADMIN, object("assigneeId", customer.id()));

        assertThat(reply.status()).as(reply.toString()).isIn(400, 404);
        assertProblem(reply, reply.status());
        assertThat(api.get(TICKETS + "/" + id, ADMIN).json().get("assignee").isNull())
                .isTrue();
    }

    // --- 400: the query

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "sort=colour                 | sort",
                "sort=subject,desc,priority  | sort",
                "page=-1                     | page",
                "page=abc                    | page",
                "size=0                      | size",
                "size=101                    | size",
                "size=tanti                  | size",
                "assignee=mario              | assignee",
                "assignee=-3                 | assignee",
                "updatedSince=ieri           | updatedSince",
                "updatedSince=2025-13-45     | updatedSince",
                "status=boh                  | status",
                "channel=piccione            | channel",
                "priority=supreme            | priority",
                "customer=abc                | customer"
            })
    void aBadQueryParameterIsNamed(String query, String field) {
        assertInvalid(api.get(TICKETS + "?" + query, ADMIN), field);
    }

    @Test
    void aNegativeIdInTheQueryIsABadRequest() {
        assertProblem(api.get(TICKETS + "?customer=-1", ADMIN), 400);
        assertProblem(api.get(TICKETS + "?group=0", ADMIN), 400);
    }

    @Test
    void aNonNumericTicketIdIsABadRequest() {
        assertInvalid(api.get(TICKETS + "/abc", ADMIN), "id");
    }

    // --- 401

    @Test
    void withoutATokenEveryCallIsUnauthorizedAndCreatesNothing() {
        String subject = Api.unique("anonimo");
        String email = Api.unique("anonimo") + "@example.it";

        assertProblem(api.get(TICKETS, null), 401);
        assertProblem(api.post(TICKETS, null, validTicket(subject, email)), 401);
        assertNothingCreated(subject, email);
    }

    @Test
    void aBadTokenIsUnauthorizedAndCreatesNothing() {
        String subject = Api.unique("tokenfalso");
        String email = Api.unique("tokenfalso") + "@example.it";

        Api.Reply reply = api.post(TICKETS, "sp_not-a-real-token", validTicket(subject, email));

        JsonNode problem = assertProblem(reply, 401);
        assertThat(problem.get("detail").asString()).contains("unknown or revoked");
        assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
        assertNothingCreated(subject, email);
    }

    // --- 403

    @Test
    void aCustomerCannotChangeTheirTicket() {
        Desk.Person customer = desk.customer();
        JsonNode ticket = desk.ticketBy(customer, Api.unique("cambiomio"));
        long id = ticket.get("id").asLong();

        assertProblem(api.patch(TICKETS + "/" + id, customer.token(), object("priority", "urgent")), 403);
        assertProblem(api.patch(TICKETS + "/" + id, customer.token(), object("status", "solved")), 403);

        JsonNode after = api.get(TICKETS + "/" + id, ADMIN).json();
        assertThat(after.get("priority").asString()).isEqualTo("normal");
        assertThat(after.get("status").asString()).isEqualTo("new");
        assertThat(after.get("version").asLong())
                .isEqualTo(ticket.get("version").asLong());
    }

    @Test
    void aCustomerCannotWriteNotesOrChangeTheStatusWithAReply() {
        Desk.Person customer = desk.customer();
        long id = desk.ticketBy(customer, Api.unique("notamia")).get("id").asLong();

        assertProblem(
                api.post(TICKETS + "/" + id + "/messages", customer.token(), object("body", "psst", "type", "note")),
                403);
        assertProblem(
                api.post(
                        TICKETS + "/" + id + "/messages",
                        customer.token(),
                        object("body", "risolto", "status", "solved")),
                403);

        JsonNode after = api.get(TICKETS + "/" + id, ADMIN).json();
        assertThat(after.get("messages")).hasSize(1);
        assertThat(after.get("status").asString()).isEqualTo("new");
    }

    // --- 404

    @Test
    void anUnknownTicketIsNotFound() {
        long unknown = 987_654_321_012L;
        JsonNode problem = assertProblem(api.get(TICKETS + "/" + unknown, ADMIN), 404);
        assertThat(problem.get("detail").asString()).contains(String.valueOf(unknown));
        assertProblem(api.patch(TICKETS + "/" + unknown, ADMIN, object("priority", "high")), 404);
        assertProblem(api.post(TICKETS + "/" + unknown + "/messages", ADMIN, object("body", "x")), 404);
        assertProblem(api.post(TICKETS + "/" + unknown + "/merge", ADMIN, object("targetId", 1)), 404);
        assertProblem(api.get("/api/v1/attachments/" + unknown, ADMIN), 404);
    }

    @Test
    void mergingIntoAnUnknownTicketIsRefusedAndChangesNothing() {
        long id = desk.ticket(Api.unique("fusioneignota")).get("id").asLong();

        assertInvalid(api.post(TICKETS + "/" + id + "/merge", ADMIN, object("targetId", 987_654_321_012L)), "targetId");
        assertInvalid(api.post(TICKETS + "/" + id + "/merge", ADMIN, object()), "targetId");

        assertThat(api.get(TICKETS + "/" + id, ADMIN).json().get("status").asString())
                .isEqualTo("new");
    }

    // --- 409

    @Test
    void anIllegalTransitionIsAConflictAndChangesNothing() {
        JsonNode ticket = desk.ticket(Api.unique("transizione"));
        long id = ticket.get("id").asLong();

        JsonNode problem = assertProblem(
                api.patch(TICKETS + "/" + id, ADMIN, object("priority", "urgent", "status", "closed")), 409);
        assertThat(problem.get("detail").asString()).contains("new", "closed");
        assertThat(api.patch(TICKETS + "/" + id, ADMIN, object("status", "new")).status())
                .as("staying put is no change")
                .isEqualTo(200);

        JsonNode after = api.get(TICKETS + "/" + id, ADMIN).json();
        assertThat(after.get("status").asString()).isEqualTo("new");
        assertThat(after.get("priority").asString())
                .as("the whole change rolled back")
                .isEqualTo("normal");
        assertThat(after.get("closedAt").isNull()).isTrue();
    }

    @Test
    void aStaleVersionIsAConflict() {
        JsonNode ticket = desk.ticket(Api.unique("versione"));
        long id = ticket.get("id").asLong();
        long version = ticket.get("version").asLong();

        Api.Reply first = api.patch(TICKETS + "/" + id, ADMIN, object("priority", "high", "version", version));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().get("version").asLong()).isGreaterThan(version);
        assertThat(first.header("ETag"))
                .isEqualTo("\"" + first.json().get("version").asLong() + "\"");

        JsonNode problem =
                assertProblem(api.patch(TICKETS + "/" + id, ADMIN, object("priority", "low", "version", version)), 409);
        assertThat(problem.get("detail").asString()).contains("version " + version);
        assertThat(api.get(TICKETS + "/" + id, ADMIN).json().get("priority").asString())
                .isEqualTo("high");
    }

    @Test
    void aStaleIfMatchIsAConflict() {
        Api.Reply created = api.post(TICKETS, ADMIN, validTicket(Api.unique("ifmatch"), Api.unique("im") + "@x.it"));
        long id = created.json().get("id").asLong();
        String etag = created.header("ETag");
        assertThat(etag).isNotBlank();

        Api.Reply fresh = patchIfMatch(id, etag, "{\"priority\": \"urgent\"}");
        assertThat(fresh.status()).as(fresh.toString()).isEqualTo(200);

        assertProblem(patchIfMatch(id, etag, "{\"priority\": \"low\"}"), 409);
        assertProblem(patchIfMatch(id, "W/" + etag, "{\"priority\": \"low\"}"), 409);
        assertInvalid(patchIfMatch(id, "\"abc\"", "{\"priority\": \"low\"}"), "If-Match");
        assertThat(api.get(TICKETS + "/" + id, ADMIN).json().get("priority").asString())
                .isEqualTo("urgent");

        assertThat(patchIfMatch(id, fresh.header("ETag"), "{\"priority\": \"low\"}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aMessageOnAClosedTicketIsAConflictAndIsNotStored() {
        Desk.Person customer = desk.customer();
        long id = desk.ticketBy(customer, Api.unique("chiuso")).get("id").asLong();
        api.patch(TICKETS + "/" + id, ADMIN, object("status", "solved"));
        assertThat(api.patch(TICKETS + "/" + id, ADMIN, object("status", "closed"))
                        .status())
                .isEqualTo(200);

        assertProblem(api.post(TICKETS + "/" + id + "/messages", customer.token(), object("body", "ci sono?")), 409);
        assertProblem(api.post(TICKETS + "/" + id + "/messages", ADMIN, object("body", "risposta")), 409);
        assertProblem(api.patch(TICKETS + "/" + id, ADMIN, object("status", "open")), 409);
        assertProblem(api.patch(TICKETS + "/" + id, ADMIN, object("priority", "urgent")), 409);

        JsonNode after = api.get(TICKETS + "/" + id, ADMIN).json();
        assertThat(after.get("messages")).hasSize(1);
        assertThat(after.get("status").asString()).isEqualTo("closed");

        Api.Reply note = api.post(TICKETS + "/" + id + "/messages", ADMIN, object("body", "nota", "type", "note"));
        assertThat(note.status()).as("notes are still allowed").isEqualTo(201);
    }

    @Test
    void mergingATicketIntoItselfIsAConflict() {
        long id = desk.ticket(Api.unique("sestesso")).get("id").asLong();

        JsonNode problem = assertProblem(api.post(TICKETS + "/" + id + "/merge", ADMIN, object("targetId", id)), 409);
        assertThat(problem.get("detail").asString()).contains("itself");
        JsonNode after = api.get(TICKETS + "/" + id, ADMIN).json();
        assertThat(after.get("status").asString()).isEqualTo("new");
        assertThat(after.get("mergedIntoId").isNull()).isTrue();
    }

    @Test
    void mergingAClosedTicketOrIntoAClosedTicketIsAConflict() {
        long closed = desk.ticket(Api.unique("fusochiuso")).get("id").asLong();
        long other = desk.ticket(Api.unique("fusoaltro")).get("id").asLong();
        api.patch(TICKETS + "/" + closed, ADMIN, object("status", "solved"));
        api.patch(TICKETS + "/" + closed, ADMIN, object("status", "closed"));

        assertProblem(api.post(TICKETS + "/" + closed + "/merge", ADMIN, object("targetId", other)), 409);
        assertProblem(api.post(TICKETS + "/" + other + "/merge", ADMIN, object("targetId", closed)), 409);

        assertThat(api.get(TICKETS + "/" + closed, ADMIN)
                        .json()
                        .get("mergedIntoId")
                        .isNull())
                .isTrue();
        JsonNode untouched = api.get(TICKETS + "/" + other, ADMIN).json();
        assertThat(untouched.get("status").asString()).isEqualTo("new");
        assertThat(untouched.get("messages")).hasSize(1);
    }

    // --- 413

    @Test
    void anAttachmentOverTheLimitIsTooLargeAndCreatesNothing() {
        String subject = Api.unique("grande");
        String email = Api.unique("grande") + "@example.it";
        byte[] big = new byte[20 * 1024 * 1024 + 1024];
        Arrays.fill(big, (byte) 'a');
        long filesBefore = storedFiles();

        Api.Reply reply = api.multipart(
                TICKETS,
                ADMIN,
                "ticket",
                validTicket(subject, email),
                Map.of("big", new Api.FilePart("grande.txt", "text/plain", big)));

        assertProblem(reply, 413);
        assertNothingCreated(subject, email);
        assertThat(storedFiles()).isEqualTo(filesBefore);
    }

    // --- 415

    @Test
    void aPlainTextBodyIsAnUnsupportedMediaType() {
        String subject = Api.unique("testo");

        Api.Reply reply = api.sendRaw("POST", TICKETS, ADMIN, "text/plain", "subject=" + subject, Map.of());

        assertProblem(reply, 415);
        assertThat(search(subject)).isZero();
        assertProblem(
                api.sendRaw(
                        "PATCH", TICKETS + "/1", ADMIN, "application/x-www-form-urlencoded", "priority=high", Map.of()),
                415);
    }

    @Test
    void anAttachmentWhoseBytesContradictItsTypeIsRefusedAndNothingIsLeftBehind() {
        String subject = Api.unique("finto");
        String email = Api.unique("finto") + "@example.it";
        long filesBefore = storedFiles();
        Map<String, Api.FilePart> files = new LinkedHashMap<>();
        files.put("ok", new Api.FilePart("nota.txt", "text/plain", "tutto bene".getBytes(StandardCharsets.UTF_8)));
        files.put(
                "fake",
                new Api.FilePart(
                        "foto.png",
                        "image/png",
                        "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
                                .getBytes(StandardCharsets.UTF_8)));

        Api.Reply reply = api.multipart(TICKETS, ADMIN, "ticket", validTicket(subject, email), files);

        JsonNode problem = assertProblem(reply, 415);
        assertThat(problem.get("detail").asString()).contains("image/png", "text/html");
        assertNothingCreated(subject, email);
        assertThat(storedFiles())
                .as("the first, accepted file is removed with the rollback")
                .isEqualTo(filesBefore);
    }

    @Test
    void executablesAreRefusedWhateverTheyAreCalled() {
        byte[] windows = TestFiles.windowsExecutable();
        byte[] script = "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.UTF_8);
        long filesBefore = storedFiles();

        for (Api.FilePart file : List.of(
                new Api.FilePart("setup.exe", "application/octet-stream", windows),
                new Api.FilePart("fattura.pdf", "application/octet-stream", windows),
                new Api.FilePart("installa.sh", "application/octet-stream", script))) {
            String subject = Api.unique("eseguibile");
            String email = Api.unique("eseguibile") + "@example.it";

            Api.Reply reply = api.multipart(TICKETS, ADMIN, "ticket", validTicket(subject, email), Map.of("f", file));

            assertProblem(reply, 415);
            assertNothingCreated(subject, email);
        }
        assertThat(storedFiles()).isEqualTo(filesBefore);
    }

    @Test
    void aRefusedAttachmentOnAReplyAddsNoMessage() {
        long id = desk.ticket(Api.unique("rispostafinta")).get("id").asLong();

        Api.Reply reply = api.multipart(
                TICKETS + "/" + id + "/messages",
                ADMIN,
                "message",
                object("body", "in allegato"),
                Map.of("f", new Api.FilePart("a.exe", "application/octet-stream", TestFiles.windowsExecutable())));

        assertProblem(reply, 415);
        assertThat(api.get(TICKETS + "/" + id, ADMIN).json().get("messages")).hasSize(1);
    }

    // --- helpers

    private Api.Reply patchIfMatch(long id, String etag, String body) {
        return api.sendRaw("PATCH", TICKETS + "/" + id, ADMIN, "application/json", body, Map.of("If-Match", etag));
    }

    private static Map<String, Object> validTicket(String subject, String email) {
        return new LinkedHashMap<>(object(
                "subject",
                subject,
                "customer",
                object("email", email, "name", "Cliente"),
                "message",
                object("body", "Buongiorno"),
                "priority",
                "high"));
    }

    private long search(String subject) {
        Api.Reply reply = api.get(TICKETS + "?q=" + subject, ADMIN);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().get("total").asLong();
    }

    private void assertNothingCreated(String subject, String email) {
        assertThat(search(subject)).as("no ticket for " + subject).isZero();
        Api.Reply customer = api.get(
                "/api/v1/customers?exactEmail=" + java.net.URLEncoder.encode(email, StandardCharsets.UTF_8), ADMIN);
        assertThat(customer.status())
                .as("no customer for " + email + ": " + customer)
                .isEqualTo(404);
    }

    private long storedFiles() {
        if (!Files.isDirectory(attachmentDirectory)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(attachmentDirectory)) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
