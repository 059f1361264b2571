package it.sportello.channel.email.inbound;

import it.sportello.shared.PayloadTooLargeException;
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
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Keeps raw inbound messages on disk, exactly as received, under {@code <data-dir>/mail/}: the
 * stream is copied (never held whole in memory), measured against the size limit and hashed on
 * the way, and appears under its final name only when complete.
 */
@Component
public class RawMessageStore {

    private final Path root;
    private final long maxSize;

    RawMessageStore(
            @Value("${sportello.data-dir}") Path dataDir,
            @Value("${sportello.email.max-message-size:40MB}") DataSize maxSize) {
        this.root = dataDir.resolve("mail");
        this.maxSize = maxSize.toBytes();
    }

    /** A stored raw message: its path relative to the store, size in bytes and SHA-256 (hex). */
    public record StoredRaw(String path, long size, String sha256) {}

    public long maxSize() {
        return maxSize;
    }

    public StoredRaw store(InputStream raw) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String relative =
                today.getYear() + "/" + String.format("%02d/%02d", today.getMonthValue(), today.getDayOfMonth()) + "/"
                        + UUID.randomUUID() + ".eml";
        Path target = root.resolve(relative);
        Path temporary = null;
        try {
            Files.createDirectories(target.getParent());
            temporary = Files.createTempFile(target.getParent(), "incoming-", ".part");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size = 0;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temporary), sha)) {
                byte[] buffer = new byte[64 * 1024];
                int read;
                while ((read = raw.read(buffer)) != -1) {
                    size += read;
                    if (size > maxSize) {
                        throw new PayloadTooLargeException("The message is larger than " + maxSize + " bytes");
                    }
                    out.write(buffer, 0, read);
                }
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            temporary = null;
            return new StoredRaw(relative, size, HexFormat.of().formatHex(sha.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store an inbound message", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    public Path path(String relative) {
        Path resolved = root.resolve(relative).normalize();
        if (!resolved.startsWith(root.normalize())) {
            throw new IllegalArgumentException("Not a stored message: " + relative);
        }
        return resolved;
    }

    /** Removes a copy that turned out to be a duplicate of a message already stored. */
    public void delete(String relative) {
        deleteQuietly(path(relative));
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A leftover file wastes space but harms nothing; the row is what counts.
        }
    }
}
