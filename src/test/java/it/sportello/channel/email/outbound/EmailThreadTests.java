package it.sportello.channel.email.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EmailThreadTests {

    private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void answersGoIntoTheLatestMailWithItsWholeChain() {
        EmailThread thread = new EmailThread(1);

        thread.received("assistenza@desk.test", "<b@x>", List.of("<a@x>"), T);

        assertThat(thread.replyFrom()).hasValue("assistenza@desk.test");
        assertThat(thread.lastMessageId()).hasValue("<b@x>");
        assertThat(thread.references()).containsExactly("<a@x>", "<b@x>");
    }

    @Test
    void aMailArrivingLateDoesNotReplaceANewerOne() {
        EmailThread thread = new EmailThread(1);
        thread.received("assistenza@desk.test", "<new@x>", List.of(), T);

        thread.received("altro@desk.test", "<old@x>", List.of(), T.minusSeconds(60));

        assertThat(thread.lastMessageId()).hasValue("<new@x>");
        assertThat(thread.replyFrom()).hasValue("assistenza@desk.test");
    }

    @Test
    void aLongChainKeepsItsRootAndLatestMails() {
        EmailThread thread = new EmailThread(1);
        List<String> chain =
                IntStream.rangeClosed(1, 40).mapToObj(i -> "<m" + i + "@x>").toList();

        thread.received(null, "<last@x>", chain, T);

        assertThat(thread.references()).hasSize(20).startsWith("<m1@x>").endsWith("<m40@x>", "<last@x>");
    }
}
