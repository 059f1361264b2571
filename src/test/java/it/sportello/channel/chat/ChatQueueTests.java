package it.sportello.channel.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The wait a visitor is told: at once while agents have room, then rounds of a typical chat, never a guess. */
class ChatQueueTests {

    private static final Duration TYPICAL = Duration.ofMinutes(6);

    @Test
    void withRoomAtAnAgentTheWaitIsAMinute() {
        assertThat(ChatQueue.estimate(1, 2, 1, TYPICAL)).isEqualTo(1);
        assertThat(ChatQueue.estimate(2, 2, 1, null)).isEqualTo(1);
    }

    @Test
    void beyondTheFreePlacesEachRoundTakesATypicalChat() {
        // 3rd in line, 1 free place, 2 agents: one round of 6 minutes
        assertThat(ChatQueue.estimate(3, 1, 2, TYPICAL)).isEqualTo(6);
        // 6th in line, no free place, 2 agents: three rounds
        assertThat(ChatQueue.estimate(6, 0, 2, TYPICAL)).isEqualTo(18);
    }

    @Test
    void withoutAgentsOrHistoryThereIsNoEstimate() {
        assertThat(ChatQueue.estimate(1, 0, 0, TYPICAL)).isNull();
        assertThat(ChatQueue.estimate(4, 0, 2, null)).isNull();
    }
}
