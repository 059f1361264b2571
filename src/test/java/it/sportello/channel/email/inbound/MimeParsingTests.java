package it.sportello.channel.email.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.sportello.shared.PayloadTooLargeException;
import it.sportello.shared.SafeHtml;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** Each fixture of the corpus read as a desk must read it: right text in the right charset, safe HTML, files. */
class MimeParsingTests {

    @TempDir
    Path directory;

    private final MimeParsing parsing = new MimeParsing();

    private ParsedEmail parse(byte[] mail) {
        return parsing.parse(Fixtures.file(directory, mail));
    }

    @Test
    void readsOutlookWindows1252WithEuroSignAndCurlyQuotes() {
        try (ParsedEmail email = parse(Fixtures.mail("outlook-windows-1252.eml", "ID", "o1"))) {
            assertThat(email.senderAddress()).isEqualTo("mario.rossi.o1@example.it");
            assertThat(email.senderName()).isEqualTo("Rossi, Mario");
            assertThat(email.subject()).isEqualTo("Fattura n° 2026/118 – addebito di 120 € non dovuto");
            assertThat(email.messageId()).isEqualTo("<AM0PR10MB3o1@AM0PR10MB3.EURPRD10.PROD.OUTLOOK.COM>");
            assertThat(email.text())
                    .contains("addebito di 120 € per il servizio “Premium”")
                    .contains("Potete verificare perché è stato applicato?");
            SafeHtml safe = SafeHtml.fromUntrustedHtml(email.html());
            assertThat(safe.html()).doesNotContain("script", "onload", "evil.example", "MsoNormal{");
            assertThat(safe.text()).contains("120 €", "“Premium”", "perché è stato applicato");
            assertThat(email.attachments()).isEmpty();
        }
    }

    @Test
    void readsThunderbirdIso88591ReplyWithItsReferences() {
        byte[] mail = Fixtures.mail(
                "thunderbird-iso-8859-1-reply.eml",
                "ID",
                "t1",
                "FROM",
                "giulia@example.it",
                "SUBJECT",
                "Indirizzo di consegna",
                "IN_REPLY_TO",
                "<sp.12.ab.signature@desk>");
        try (ParsedEmail email = parse(mail)) {
            assertThat(email.senderAddress()).isEqualTo("giulia@example.it");
            assertThat(email.subject()).isEqualTo("Re: Indirizzo di consegna");
            assertThat(email.text()).contains("però la città di consegna è ancora sbagliata: è Forlì");
            assertThat(email.html()).isNull();
            assertThat(email.referencedIds()).containsExactly("<sp.12.ab.signature@desk>", "<older-t1@libero.it>");
        }
    }

    @Test
    void readsGmailAlternativesInlineImageAndInternationalFileNames() throws IOException {
        try (ParsedEmail email = parse(Fixtures.mail("gmail-alternative-inline-attachment.eml", "ID", "g1"))) {
            assertThat(email.subject()).isEqualTo("Preventivo firmato – città di Bologna");
            assertThat(email.text()).contains("Il logo è nell’intestazione.");
            assertThat(SafeHtml.fromUntrustedHtml(email.html()).text()).contains("Il logo è nell’intestazione.");
            assertThat(email.attachments())
                    .extracting(ParsedEmail.Attachment::fileName)
                    .containsExactly("logo.png", "Preventivo città di Forlì.pdf", "ricevuta perché.txt");
            ParsedEmail.Attachment logo = email.attachments().getFirst();
            assertThat(logo.contentId()).isEqualTo("<ii_logo01>");
            assertThat(logo.contentType()).isEqualTo("image/png");
            try (InputStream png = logo.content().getInputStream()) {
                assertThat(png.readNBytes(4)).containsExactly(0x89, 'P', 'N', 'G');
            }
            try (InputStream pdf = email.attachments().get(1).content().getInputStream()) {
                assertThat(new String(pdf.readNBytes(8), StandardCharsets.US_ASCII))
                        .isEqualTo("%PDF-1.4");
            }
        }
    }

    @Test
    void readsTheTextOfAForwardedMessageInside() {
        try (ParsedEmail email = parse(Fixtures.mail("forwarded-message-rfc822.eml", "ID", "f1"))) {
            assertThat(email.text())
                    .contains("Vi inoltro il messaggio del corriere")
                    .contains("Subject: Consegna non riuscita - città errata")
                    .contains("La spedizione 4411 non è stata consegnata: il destinatario risulta assente.");
            assertThat(email.senderAddress()).isEqualTo("anna.neri.f1@example.it");
        }
    }

    @Test
    void readsTextLabelledUsAsciiThatIsReallyWindows1252() {
        try (ParsedEmail email = parse(Fixtures.mail("mislabelled-us-ascii.eml"))) {
            assertThat(email.text()).contains("La riparazione costa 85 € e il tecnico ha detto “pronta giovedì”.");
        }
    }

    @Test
    void decodesInvalidUtf8AsWindows1252AndValidUtf8LabelledLatin1AsUtf8() {
        byte[] cp1252 = "perché 10 €".getBytes(TextDecoding.WINDOWS_1252);
        assertThat(TextDecoding.decode(cp1252, "utf-8")).isEqualTo("perché 10 €");
        assertThat(TextDecoding.decode("città".getBytes(StandardCharsets.UTF_8), "iso-8859-1"))
                .isEqualTo("città");
        assertThat(TextDecoding.decode("città".getBytes(StandardCharsets.ISO_8859_1), "iso-8859-1"))
                .isEqualTo("città");
        assertThat(TextDecoding.decode("caffè".getBytes(StandardCharsets.UTF_8), "x-unknown-charset"))
                .isEqualTo("caffè");
    }

    @Test
    void readsTheDeliveryReportOfABounce() {
        byte[] mail = Fixtures.mail(
                "bounce-delivery-status.eml",
                "RECIPIENT",
                "cliente@example.it",
                "TICKET",
                "7",
                "ORIGINAL",
                "<sp.7.x.ourSignature0000@desk>");
        try (ParsedEmail email = parse(mail)) {
            BounceReport report = email.bounce().orElseThrow();
            assertThat(report.originalMessageId()).isEqualTo("<sp.7.x.ourSignature0000@desk>");
            assertThat(report.recipients()).singleElement().satisfies(r -> {
                assertThat(r.address()).isEqualTo("cliente@example.it");
                assertThat(r.action()).isEqualTo("failed");
                assertThat(r.status()).isEqualTo("5.1.1");
                assertThat(r.diagnostic()).contains("User unknown");
                assertThat(r.failedPermanently()).isTrue();
            });
            assertThat(report.humanReadable()).contains("could not");
            assertThat(email.attachments())
                    .extracting(ParsedEmail.Attachment::contentType)
                    .contains("message/rfc822");
        }
    }

    @Test
    void refusesAMessageWhoseDeclaredBoundaryNeverAppears() {
        Path file = Fixtures.file(directory, Fixtures.mail("malformed-boundary.eml"));
        assertThatThrownBy(() -> parsing.parse(file).close())
                .isInstanceOf(UnreadableMessageException.class)
                .hasMessageContaining("boundary");
    }

    @Test
    void refusesGarbageWithoutASender() {
        byte[] garbage = new byte[2000];
        new java.util.Random(4).nextBytes(garbage);
        Path file = Fixtures.file(directory, garbage);
        assertThatThrownBy(() -> parsing.parse(file).close())
                .isInstanceOf(UnreadableMessageException.class)
                .hasMessageContaining("no sender");
    }

    @Test
    void findsTheMessageIdInTheHeaderBlockAloneAndNoneWhenMissing() {
        assertThat(parsing.messageIdOf(Fixtures.file(directory, Fixtures.mail("out-of-office.eml", "ID", "m1"))))
                .isEqualTo("<ooo-m1@example.it>");
        assertThat(parsing.messageIdOf(Fixtures.file(directory, Fixtures.mail("no-message-id.eml"))))
                .isNull();
    }

    @Test
    void storesARawMessageWhileHashingItAndRefusesOneOverTheLimit() throws IOException {
        RawMessageStore store = new RawMessageStore(directory, DataSize.ofBytes(1000));
        RawMessageStore.StoredRaw stored =
                store.store(new ByteArrayInputStream("Subject: x\r\n\r\nciao".getBytes(StandardCharsets.US_ASCII)));
        assertThat(stored.size()).isEqualTo(18);
        assertThat(stored.sha256()).hasSize(64);
        assertThat(Files.readString(store.path(stored.path()))).isEqualTo("Subject: x\r\n\r\nciao");

        assertThatThrownBy(() -> store.store(new ByteArrayInputStream(new byte[1001])))
                .isInstanceOf(PayloadTooLargeException.class);
        try (Stream<Path> files = Files.walk(directory.resolve("mail"))) {
            List<Path> left = files.filter(Files::isRegularFile).toList();
            assertThat(left).containsExactly(store.path(stored.path())); // nothing half-written stays
        }
    }
}
