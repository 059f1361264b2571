package it.sportello.channel.chat.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A visitor's proof that a chat is theirs: 256 random bits, handed out once when the chat starts and
 * kept by the visitor's browser; the desk stores only its SHA-256, so its database opens no chat.
 */
public final class VisitorTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private VisitorTokens() {}

    public static String create() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Whether {@code token} is the one stored as {@code storedHash}, in time that does not tell how close it came. */
    public static boolean matches(String token, String storedHash) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return false;
        }
        return MessageDigest.isEqual(
                hash(token).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
