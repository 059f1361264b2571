package it.sportello.ticket;

import static it.sportello.support.Api.object;
import static it.sportello.support.Desk.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.Api;
import it.sportello.support.ApiTestCase;
import it.sportello.support.Desk;
import it.sportello.support.IntegrationTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.ContentDisposition;
import tools.jackson.databind.JsonNode;

/**
 * Files sent with tickets and replies: stored as sent, typed from their own bytes, named safely,
 * always served as a download that a browser will not run, and carried along by a merge.
 */
@IntegrationTest
class AttachmentTests extends ApiTestCase {

    private static final String TICKETS = "/api/v1/tickets";
    private static final byte[] PDF =
            ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
                    .getBytes(StandardCharsets.US_ASCII);

    @Test
    void aMultipartCreateStoresTheTicketWithItsFiles() throws IOException {
        String subject = Api.unique("allegati");
        byte[] png = png();
        Map<String, Api.FilePart> files = new LinkedHashMap<>();
        files.put("pdf", new Api.FilePart("fattura è.pdf", "application/pdf", PDF));
        files.put("png", new Api.FilePart("schermata.png", "application/octet-stream", png));

        Api.Reply created = api.multipart(
                TICKETS,
                ADMIN,
                "ticket",
                object(
                        "subject",
                        subject,
                        "customer",
                        object("email", Api.unique("allegati") + "@example.it"),
                        "message",
                        object("body", "Vedi allegati"),
                        "priority",
                        "high"),
                files);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode ticket = created.json();
        assertThat(ticket.get("subject").asString()).isEqualTo(subject);
        assertThat(ticket.get("priority").asString()).isEqualTo("high");
        JsonNode attachments = ticket.get("messages").get(0).get("attachments");
        assertThat(attachments).hasSize(2);
        assertThat(attachments.get(0).get("fileName").asString()).isEqualTo("fattura è.pdf");
        assertThat(attachments.get(0).get("contentType").asString()).isEqualTo("application/pdf");
        assertThat(attachments.get(0).get("size").asLong()).isEqualTo(PDF.length);
        assertThat(attachments.get(1).get("fileName").asString()).isEqualTo("schermata.png");
        assertThat(attachments.get(1).get("contentType").asString())
                .as("typed from the bytes, not from what was declared")
                .isEqualTo("image/png");
        assertThat(attachments.get(1).get("size").asLong()).isEqualTo(png.length);

        HttpResponse<byte[]> pdf = download(attachments.get(0), ADMIN);
        assertThat(pdf.body()).isEqualTo(PDF);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Length")).hasValue(String.valueOf(PDF.length));
        assertThat(pdf.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        ContentDisposition disposition = disposition(pdf);
        assertThat(disposition.isAttachment()).isTrue();
        assertThat(disposition.getFilename()).isEqualTo("fattura è.pdf");

        HttpResponse<byte[]> image = download(attachments.get(1), ADMIN);
        assertThat(image.body()).isEqualTo(png);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(disposition(image).getFilename()).isEqualTo("schermata.png");
    }

    @Test
    void aMultipartReplyCarriesItsFilesToTheCustomer() {
        Desk.Person customer = desk.customer();
        Desk.Person agent = desk.agent();
        long id = desk.ticketBy(customer, Api.unique("risposta")).get("id").asLong();
        byte[] guide = "Passo 1: riavviare.\nPasso 2: riprovare.\n".getBytes(StandardCharsets.UTF_8);

        Api.Reply reply = api.multipart(
                TICKETS + "/" + id + "/messages",
                agent.token(),
                "message",
                object("body", "Ecco la guida", "status", "pending"),
                Map.of("guide", new Api.FilePart("guida.txt", "text/plain", guide)));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.json().get("body").asString()).isEqualTo("Ecco la guida");
        assertThat(reply.json().get("internal").asBoolean()).isFalse();
        JsonNode attachment = reply.json().get("attachments").get(0);
        assertThat(attachment.get("fileName").asString()).isEqualTo("guida.txt");
        assertThat(attachment.get("contentType").asString()).startsWith("text/plain");
        assertThat(attachment.get("url").asString())
                .isEqualTo("/api/v1/attachments/" + attachment.get("id").asLong());

        JsonNode seenByCustomer = api.get(TICKETS + "/" + id, customer.token()).json();
        assertThat(seenByCustomer.get("status").asString()).isEqualTo("pending");
        assertThat(seenByCustomer
                        .get("messages")
                        .get(1)
                        .get("attachments")
                        .get(0)
                        .get("id")
                        .asLong())
                .isEqualTo(attachment.get("id").asLong());
        HttpResponse<byte[]> downloaded = download(attachment, customer.token());
        assertThat(downloaded.statusCode()).isEqualTo(200);
        assertThat(downloaded.body()).isEqualTo(guide);

        Api.Reply fromCustomer = api.multipart(
                TICKETS + "/" + id + "/messages",
                customer.token(),
                "message",
                object("body", "Ecco il mio log"),
                Map.of("log", new Api.FilePart("log.txt", "text/plain", "errore 42".getBytes())));
        assertThat(fromCustomer.status()).as(fromCustomer.toString()).isEqualTo(201);
        assertThat(api.get(TICKETS + "/" + id, ADMIN).json().get("status").asString())
                .as("the customer's answer puts the ticket back on the desk")
                .isEqualTo("open");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiterString = " => ",
            value = {
                "../../etc/passwd.txt => passwd.txt",
                "C:\\Users\\mario\\Documenti\\lettera.txt => lettera.txt",
                "/var/tmp/../nota.txt => nota.txt",
                "ordine<1>|2*?.txt => ordine_1__2__.txt",
                ".. => attachment",
                "rapporto\u0007finale.txt => rapportofinale.txt"
            })
    void fileNamesAreStrippedOfPathsAndUnsafeCharacters(String sent, String stored) {
        Api.Reply created =
                ticketWithFile("nome", "File", new Api.FilePart(sent, "text/plain", "contenuto".getBytes()));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode attachment =
                created.json().get("messages").get(0).get("attachments").get(0);
        assertThat(attachment.get("fileName").asString()).isEqualTo(stored);
        HttpResponse<byte[]> downloaded = download(attachment, ADMIN);
        assertThat(disposition(downloaded).getFilename()).isEqualTo(stored);
        assertThat(downloaded.body()).isEqualTo("contenuto".getBytes());
    }

    @Test
    void anHtmlFileIsOnlyEverADownload() {
        byte[] html =
                "<!DOCTYPE html><html><head><title>x</title></head><body><script>alert(document.cookie)</script></body></html>"
                        .getBytes(StandardCharsets.UTF_8);

        Api.Reply created = ticketWithFile("html", "Pagina", new Api.FilePart("pagina.html", "text/html", html));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode attachment =
                created.json().get("messages").get(0).get("attachments").get(0);
        assertThat(attachment.get("contentType").asString()).startsWith("text/html");
        HttpResponse<byte[]> downloaded = download(attachment, ADMIN);
        assertThat(downloaded.body()).isEqualTo(html);
        assertThat(downloaded.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(downloaded.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(
                        value -> assertThat(value).startsWith("attachment;").doesNotContain("inline"));
        assertThat(disposition(downloaded).getFilename()).isEqualTo("pagina.html");
        assertThat(downloaded.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(downloaded.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("sandbox"));
    }

    @Test
    void filesMoveWithAMerge() {
        Desk.Person customer = desk.customer();
        long target = desk.ticketBy(customer, Api.unique("originale")).get("id").asLong();
        Api.Reply source = api.multipart(
                TICKETS,
                customer.token(),
                "ticket",
                object("subject", Api.unique("doppione"), "message", object("body", "Con allegato")),
                Map.of("pdf", new Api.FilePart("contratto.pdf", "application/pdf", PDF)));
        assertThat(source.status()).as(source.toString()).isEqualTo(201);
        long sourceId = source.json().get("id").asLong();
        long attachmentId = source.json()
                .get("messages")
                .get(0)
                .get("attachments")
                .get(0)
                .get("id")
                .asLong();

        Api.Reply merged = api.post(TICKETS + "/" + sourceId + "/merge", ADMIN, object("targetId", target));

        assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
        List<Long> attachmentsOnTarget = StreamSupport.stream(
                        merged.json().get("messages").spliterator(), false)
                .flatMap(m -> StreamSupport.stream(m.get("attachments").spliterator(), false))
                .map(a -> a.get("id").asLong())
                .toList();
        assertThat(attachmentsOnTarget).containsExactly(attachmentId);
        assertThat(api.get(TICKETS + "/" + sourceId, ADMIN).json().get("messages"))
                .isEmpty();
        HttpResponse<byte[]> downloaded = api.download("/api/v1/attachments/" + attachmentId, customer.token());
        assertThat(downloaded.statusCode()).isEqualTo(200);
        assertThat(downloaded.body()).isEqualTo(PDF);
        assertThat(disposition(downloaded).getFilename()).isEqualTo("contratto.pdf");
    }

    @Test
    void anEmptyFilePartIsIgnored() {
        Api.Reply created = ticketWithFile(
                "vuoto", "Niente allegati veri", new Api.FilePart("vuoto.txt", "text/plain", new byte[0]));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("messages").get(0).get("attachments")).isEmpty();
    }

    private HttpResponse<byte[]> download(JsonNode attachment, String token) {
        HttpResponse<byte[]> response = api.download(attachment.get("url").asString(), token);
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }

    private static ContentDisposition disposition(HttpResponse<byte[]> response) {
        return ContentDisposition.parse(
                response.headers().firstValue("Content-Disposition").orElseThrow());
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0xFF8800);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** A new ticket for a new customer, opened by an admin with one attached file. */
    private Api.Reply ticketWithFile(String label, String body, Api.FilePart file) {
        return api.multipart(
                TICKETS,
                ADMIN,
                "ticket",
                object(
                        "subject",
                        Api.unique(label),
                        "customer",
                        object("email", Api.unique(label) + "@example.it"),
                        "message",
                        object("body", body)),
                Map.of("f", file));
    }
}
