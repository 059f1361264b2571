package it.sportello.channel.email.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.sportello.support.IntegrationTest;
import it.sportello.support.TestFiles;
import it.sportello.ticket.TicketManagement;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.InputStreamSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * A message's files are checked as the ticket's attachment store takes them in, each read once:
 * programs, files over the limit and parts that cannot be decoded are left out with a reason, the
 * rest arrive measured and typed, and what was taken in goes again if the transaction rolls back.
 */
@IntegrationTest
class InboundAttachmentsTests {

    /** The first bytes of a Windows program (an "MZ" header pointing to a "PE" one). */
    private static final byte[] PROGRAM = TestFiles.windowsExecutable();

    @Autowired
    InboundAttachments attachments;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Value("${sportello.attachments.max-size:20MB}")
    DataSize maxSize;

    @Value("${sportello.attachments.directory:./data/attachments}")
    Path directory;

    private InboundAttachments.Sorted sorted(ParsedEmail.Attachment... files) {
        return new TransactionTemplate(transactionManager).execute(tx -> attachments.sort(List.of(files)));
    }

    private static ParsedEmail.Attachment file(String name, InputStreamSource content) {
        return new ParsedEmail.Attachment(name, "application/octet-stream", null, content);
    }

    private static ParsedEmail.Attachment file(String name, byte[] bytes) {
        return file(name, () -> new ByteArrayInputStream(bytes));
    }

    @Test
    void aFileIsTakenInOnceMeasuredAndTypedByItsBytes() throws IOException {
        byte[] text = "Buongiorno, allego la ricevuta.".getBytes(StandardCharsets.UTF_8);

        InboundAttachments.Sorted files = sorted(file("ricevuta.txt", text));

        assertThat(files.refused()).isEmpty();
        assertThat(files.accepted()).singleElement().satisfies(upload -> {
            assertThat(upload.fileName()).isEqualTo("ricevuta.txt");
            TicketManagement.TakenFile taken = (TicketManagement.TakenFile) upload.content();
            assertThat(taken.size()).isEqualTo(text.length);
            assertThat(taken.contentType()).startsWith("text/plain");
            try (InputStream in = taken.getInputStream()) {
                assertThat(in.readAllBytes()).isEqualTo(text);
            }
        });
    }

    @Test
    void aProgramIsLeftOutWhateverItIsCalledAndTheOtherFilesArrive() {
        InboundAttachments.Sorted files = sorted(
                file("fattura.pdf.exe", PROGRAM),
                file("foto.txt", "una foto".getBytes(StandardCharsets.UTF_8)),
                file("documento.txt", PROGRAM));

        assertThat(files.accepted())
                .extracting(TicketManagement.Upload::fileName)
                .containsExactly("foto.txt");
        assertThat(files.refused())
                .containsExactly(
                        new InboundAttachments.Refused("fattura.pdf.exe", "executable"),
                        new InboundAttachments.Refused("documento.txt", "executable"));
    }

    @Test
    void aFileOverTheLimitIsLeftOutAndNothingOfItIsKept() throws IOException {
        List<Path> before = filesIn(directory);
        long oneTooMany = maxSize.toBytes() + 1;

        InboundAttachments.Sorted files = sorted(file("backup.bin", () -> zeros(oneTooMany)));

        assertThat(files.accepted()).isEmpty();
        assertThat(files.refused()).containsExactly(new InboundAttachments.Refused("backup.bin", "too-large"));
        assertThat(filesIn(directory)).isEqualTo(before);
    }

    @Test
    void aPartThatCannotBeDecodedIsLeftOutAsUnreadable() {
        InputStreamSource broken = () -> new InputStream() {
            private int left = 10;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    throw new IOException("bad base64");
                }
                left--;
                return 'a';
            }
        };

        InboundAttachments.Sorted files = sorted(file("rotto.bin", broken));

        assertThat(files.accepted()).isEmpty();
        assertThat(files.refused()).containsExactly(new InboundAttachments.Refused("rotto.bin", "unreadable"));
    }

    @Test
    void filesTakenInGoAgainWhenTheTransactionRollsBack() throws IOException {
        List<Path> before = filesIn(directory);

        new TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
            InboundAttachments.Sorted files =
                    attachments.sort(List.of(file("nota.txt", "da buttare".getBytes(StandardCharsets.UTF_8))));
            assertThat(files.accepted()).hasSize(1);
            tx.setRollbackOnly();
        });

        assertThat(filesIn(directory)).isEqualTo(before);
    }

    @Test
    void filesAreTakenInOnlyInsideTheTransactionThatAttachesThem() {
        assertThatThrownBy(() -> attachments.sort(List.of(file("fuori.txt", new byte[] {'x'}))))
                .isInstanceOf(IllegalStateException.class);
    }

    private static List<Path> filesIn(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static InputStream zeros(long count) {
        return new InputStream() {
            private long left = count;

            @Override
            public int read() {
                return left-- > 0 ? 0 : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(length, left);
                java.util.Arrays.fill(buffer, offset, offset + n, (byte) 0);
                left -= n;
                return n;
            }
        };
    }
}
