package it.sportello.channel.email.mailbox;

import it.sportello.shared.KeptSecrets;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals mailbox passwords with AES-256-GCM, so a copy of the database alone does not hand out the
 * desk's mail accounts. The key comes from {@code sportello.email.secret-key} (any text, hashed to
 * 256 bits); without one the desk makes a random key once and keeps it beside its data in
 * {@code email-secret.key}. Several nodes must share one key through the setting.
 */
@Component
class MailboxSecrets {

    private static final String VERSION = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    MailboxSecrets(
            @Value("${sportello.email.secret-key:}") String configured, @Value("${sportello.data-dir}") Path dataDir) {
        String text = KeptSecrets.configuredOrKept(configured, dataDir, "email-secret.key");
        try {
            byte[] bits = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            this.key = new SecretKeySpec(bits, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String seal(String clear) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
            byte[] all = ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv)
                    .put(sealed)
                    .array();
            return VERSION + Base64.getEncoder().encodeToString(all);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal a mailbox password", e);
        }
    }

    /** The clear text; fails (without saying more) when the key is not the one it was sealed with. */
    String open(String sealed) {
        if (!sealed.startsWith(VERSION)) {
            throw new IllegalStateException("Not a sealed mailbox password");
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "The mailbox password cannot be opened: was sportello.email.secret-key changed?");
        }
    }
}
