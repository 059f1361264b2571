package it.sportello.channel.email;

import it.sportello.shared.KeptSecrets;
import it.sportello.ticket.TicketId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The {@code Message-ID}s of Sportello's outgoing mail carry the ticket they belong to and an HMAC
 * of it, so a reply's {@code In-Reply-To}/{@code References} lead back to the ticket only when the
 * desk itself wrote the message referred to: {@code <sp.T.N.SIG@domain>} (T ticket, N a unique
 * number). A forged reference (right shape, wrong signature) threads nowhere.
 */
@Component
public class OutgoingMessageIds {

    private static final Pattern OURS =
            Pattern.compile("<?sp\\.(\\d{1,18})\\.([0-9A-Za-z_-]{1,40})\\.([0-9A-Za-z_-]{16,64})@[^>\\s]+>?");

    private final byte[] key;
    private final String domain;

    OutgoingMessageIds(
            @Value("${sportello.email.signing-key:}") String key,
            @Value("${sportello.data-dir}") Path dataDir,
            @Value("${sportello.email.message-id-domain:sportello.local}") String domain) {
        // Without a configured key (one node, the embedded database) the desk makes its own once and keeps
        // it beside its data; several nodes must share one through SPORTELLO_EMAIL_SIGNING_KEY.
        this.key =
                KeptSecrets.configuredOrKept(key, dataDir, "email-signing.key").getBytes(StandardCharsets.UTF_8);
        if (this.key.length < 16) {
            throw new IllegalStateException("sportello.email.signing-key must be at least 16 characters");
        }
        this.domain = domain;
    }

    /** A new signed Message-ID (with angle brackets) for a mail about {@code ticket}; {@code unique} must not repeat. */
    public String create(TicketId ticket, String unique) {
        if (!unique.matches("[0-9A-Za-z_-]{1,40}")) {
            throw new IllegalArgumentException("unique part must be 1-40 of [0-9A-Za-z_-]");
        }
        return "<sp." + ticket.value() + "." + unique + "." + signature(ticket.value() + "." + unique) + "@" + domain
                + ">";
    }

    /** The ticket a Message-ID from {@code In-Reply-To} or {@code References} was signed for, if genuinely ours. */
    public Optional<TicketId> ticketOf(String messageId) {
        if (messageId == null) {
            return Optional.empty();
        }
        Matcher ours = OURS.matcher(messageId.trim());
        if (!ours.matches()) {
            return Optional.empty();
        }
        String signed = ours.group(1) + "." + ours.group(2);
        byte[] expected = signature(signed).getBytes(StandardCharsets.US_ASCII);
        byte[] given = ours.group(3).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            return Optional.empty();
        }
        return Optional.of(new TicketId(Long.parseLong(ours.group(1))));
    }

    private String signature(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] full = mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
            // 128 bits are plenty against guessing and keep the header short.
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(full, 16));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
