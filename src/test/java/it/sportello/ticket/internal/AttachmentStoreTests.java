package it.sportello.ticket.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.sportello.shared.UnsupportedContentException;
import it.sportello.support.TestFiles;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * The store types a file from its bytes and name, and remembers the type of a file it has seen:
 * the same bytes under another name are typed again, and a program stays refused however often it
 * comes.
 */
class AttachmentStoreTests {

    @TempDir
    Path directory;

    private AttachmentStore store() {
        return new AttachmentStore(new AttachmentProperties(directory, DataSize.ofMegabytes(1)));
    }

    @Test
    void theSameBytesUnderAnotherNameAreTypedByThatName() {
        AttachmentStore store = store();
        byte[] table = "codice,quantità\nA-12,3\n".getBytes(StandardCharsets.UTF_8);

        AttachmentStore.StoredFile asCsv = store.store(new ByteArrayInputStream(table), "ordine.csv", null);
        AttachmentStore.StoredFile asText = store.store(new ByteArrayInputStream(table), "ordine.txt", null);
        AttachmentStore.StoredFile csvAgain = store.store(new ByteArrayInputStream(table), "ordine.csv", null);

        assertThat(asCsv.contentType()).startsWith("text/csv");
        assertThat(asText.contentType()).startsWith("text/plain");
        assertThat(csvAgain.contentType()).isEqualTo(asCsv.contentType());
        assertThat(csvAgain.sha256()).isEqualTo(asCsv.sha256());
        assertThat(csvAgain.key()).as("each copy is a file of its own").isNotEqualTo(asCsv.key());
    }

    @Test
    void aProgramIsRefusedEveryTimeAndLeavesNoFile() throws Exception {
        AttachmentStore store = store();
        byte[] program = TestFiles.windowsExecutable();

        for (int attempt = 1; attempt <= 2; attempt++) {
            assertThatThrownBy(() -> store.store(new ByteArrayInputStream(program), "fattura.pdf", null))
                    .as("attempt %d", attempt)
                    .isInstanceOf(UnsupportedContentException.class);
        }
        try (var files = Files.walk(directory)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }
}
