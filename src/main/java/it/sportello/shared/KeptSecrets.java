package it.sportello.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Keys a desk needs (to sign, to seal) when the operator configured none: made once at random and
 * kept beside the data, readable by the desk's user only. One node with its embedded database
 * needs nothing more; several nodes must share the configured value instead.
 */
public final class KeptSecrets {

    private KeptSecrets() {}

    /** {@code configured} when given; else the key kept in {@code dataDir/fileName}, made now if missing. */
    public static String configuredOrKept(String configured, Path dataDir, String fileName) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        Path file = dataDir.resolve(fileName);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).trim();
            }
            Files.createDirectories(dataDir);
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String created = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.writeString(file, created, StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the key file " + file, e);
        }
    }
}
