package it.sportello.channel.email.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.sportello.shared.ConflictException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutgoingMailTests {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    private static final OutboundMailSettings.Outbox POLICY = new OutboundMailSettings.Outbox(
            Duration.ofSeconds(5), 20, 4, Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(5));

    @Test
    void waitsLongerAfterEachFailureUpToTheCap() {
        assertThat(POLICY.backoff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(POLICY.backoff(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(POLICY.backoff(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(POLICY.backoff(4)).isEqualTo(Duration.ofMinutes(5));
        assertThat(POLICY.backoff(60)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aFailedTryIsQueuedAgainAfterTheBackoffUntilTheLastAllowedTry() {
        OutgoingMail mail = queued();
        claim(mail);

        mail.failed("MailConnectException: Couldn't connect", NOW, POLICY);

        assertThat(mail.status()).isEqualTo(MailStatus.QUEUED);
        assertThat(mail.nextAttemptAt()).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
        assertThat(mail.lastError()).hasValue("MailConnectException: Couldn't connect");

        for (int i = 2; i <= POLICY.maxAttempts(); i++) {
            claim(mail);
            mail.failed("again", NOW, POLICY);
        }

        assertThat(mail.status()).isEqualTo(MailStatus.FAILED);
        assertThat(mail.attempts()).isEqualTo(4);
    }

    @Test
    void anErrorIsKeptShortEnoughForItsColumn() {
        OutgoingMail mail = queued();
        claim(mail);

        mail.failed("x".repeat(2_000), NOW, POLICY);

        assertThat(mail.lastError())
                .hasValueSatisfying(error -> assertThat(error).hasSize(500));
    }

    @Test
    void onlyAFailedMailCanBeRetriedAndItStartsAfresh() {
        OutgoingMail mail = queued();
        assertThatThrownBy(() -> mail.retry(NOW)).isInstanceOf(ConflictException.class);
        for (int i = 1; i <= POLICY.maxAttempts(); i++) {
            claim(mail);
            mail.failed("down", NOW, POLICY);
        }

        mail.retry(NOW.plusSeconds(60));

        assertThat(mail.status()).isEqualTo(MailStatus.QUEUED);
        assertThat(mail.attempts()).isZero();
        assertThat(mail.nextAttemptAt()).isEqualTo(NOW.plusSeconds(60));
        mail.sent(NOW.plusSeconds(61));
        assertThat(mail.status()).isEqualTo(MailStatus.SENT);
        assertThatThrownBy(() -> mail.retry(NOW)).isInstanceOf(ConflictException.class);
    }

    @Test
    void keepsItsAttachmentsAndReferencesInOrder() {
        OutgoingMail mail = queued();

        assertThat(mail.attachmentIds()).containsExactly(7L, 3L);
        assertThat(mail.references()).hasValue("<a@x> <b@x>");
    }

    private static OutgoingMail queued() {
        return new OutgoingMail(
                1,
                new OutgoingMail.Draft(
                        10,
                        20L,
                        MailKind.REPLY,
                        "cliente@example.it",
                        "assistenza@desk.test",
                        "Re: Ciao [#10]",
                        "<sp.10.r20.sig@desk>",
                        "<b@x>",
                        List.of("<a@x>", "<b@x>"),
                        "testo",
                        "<p>testo</p>",
                        List.of(7L, 3L)),
                NOW);
    }

    /** What the repository's claim does in the database: counts the try. */
    private static void claim(OutgoingMail mail) {
        try {
            var attempts = OutgoingMail.class.getDeclaredField("attempts");
            attempts.setAccessible(true);
            attempts.setInt(mail, attempts.getInt(mail) + 1);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
