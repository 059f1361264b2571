package it.sportello.ticket.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import it.sportello.shared.PayloadTooLargeException;
import it.sportello.shared.UnsupportedContentException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps attachment bytes on disk, outside the database rows. A file is streamed in (never held
 * whole in memory), measured, hashed and typed from its own bytes; if the transaction that
 * records it rolls back, the file goes too, so nothing is left half-written.
 */
@Component
public class AttachmentStore {

    /** Types a browser would run rather than show; never accepted whatever they are called. */
    private static final Set<String> REFUSED = Set.of(
            "application/x-msdownload",
            "application/x-dosexec",
            "application/x-executable",
            "application/x-sh",
            "application/x-msdos-program",
            "application/java-archive");

    /** Files whose type is remembered: enough for the logos and letterheads a desk's mail repeats. */
    private static final int REMEMBERED_TYPES = 4096;

    private final AttachmentProperties properties;
    private final Tika tika = new Tika();
    private final MediaTypeRegistry registry = MediaTypeRegistry.getDefaultRegistry();
    /**
     * The type Tika gave a file, by its SHA-256 and name (all Tika looks at): typing a file means
     * trying every one of Tika's magic patterns, about half a millisecond even for a tiny one, and
     * mail repeats the same files (a signature's logo in every reply) again and again.
     */
    private final Cache<String, String> detected =
            Caffeine.newBuilder().maximumSize(REMEMBERED_TYPES).build();

    AttachmentStore(AttachmentProperties properties) {
        this.properties = properties;
    }

    /** A stored file: its key in the store, size, SHA-256 and the content type its bytes show. */
    public record StoredFile(String key, long size, String sha256, String contentType) {}

    public StoredFile store(InputStream content, String fileName, String declaredType) {
        Path root = properties.directory();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String key = today.getYear() + "/" + String.format("%02d", today.getMonthValue()) + "/" + UUID.randomUUID();
        Path target = root.resolve(key);
        Path temporary = null;
        try {
            Files.createDirectories(target.getParent());
            temporary = Files.createTempFile(target.getParent(), "upload-", ".part");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temporary), sha)) {
                size = copyWithLimit(content, out, properties.maxSize().toBytes());
            }
            String sha256 = HexFormat.of().formatHex(sha.digest());
            String type = typeOf(temporary, sha256, fileName);
            checkType(fileName, declaredType, type);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            deleteOnRollback(target);
            return new StoredFile(key, size, sha256, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store attachment " + fileName, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    /** The type the file's bytes (and, where they say little, its name) show, as Tika tells it. */
    private String typeOf(Path file, String sha256, String fileName) {
        return detected.get(sha256 + "/" + fileName, unknown -> {
            try (InputStream head = new BufferedInputStream(Files.newInputStream(file))) {
                return tika.detect(head, fileName);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read attachment " + fileName, e);
            }
        });
    }

    public InputStream open(String key) {
        try {
            return Files.newInputStream(properties.directory().resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException("Attachment bytes missing for " + key, e);
        }
    }

    private void checkType(String fileName, String declaredType, String detected) {
        // Tika adds parameters ("application/x-msdownload; format=pe32"): compare the base type.
        MediaType detectedType = MediaType.parse(detected);
        String detectedBase =
                detectedType == null ? detected : detectedType.getBaseType().toString();
        if (REFUSED.contains(detectedBase)) {
            throw new UnsupportedContentException(fileName + ": files of type " + detected + " are not accepted");
        }
        if (declaredType == null || declaredType.isBlank()) {
            return;
        }
        MediaType declared = MediaType.parse(declaredType);
        MediaType actual = MediaType.parse(detected);
        if (declared == null || declared.getBaseType().equals(MediaType.OCTET_STREAM) || actual == null) {
            return;
        }
        boolean consistent = declared.getBaseType().equals(actual.getBaseType())
                || registry.isInstanceOf(actual.getBaseType(), declared.getBaseType())
                || registry.isInstanceOf(declared.getBaseType(), actual.getBaseType())
                || (declared.getType().equals("text") && actual.getType().equals("text"));
        if (!consistent) {
            throw new UnsupportedContentException(fileName + ": declared as " + declared.getBaseType()
                    + " but its content is " + actual.getBaseType());
        }
    }

    private static long copyWithLimit(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = in.read(buffer)) != -1) {
            total += read;
            if (total > limit) {
                throw new PayloadTooLargeException(
                        "Attachments may be at most " + (limit / (1024 * 1024)) + " MB each");
            }
            out.write(buffer, 0, read);
        }
        return total;
    }

    private static void deleteOnRollback(Path file) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        deleteQuietly(file);
                    }
                }
            });
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // A stray file wastes space but loses nothing; the next cleanup removes it.
            }
        }
    }
}
