package it.sportello.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import it.sportello.support.IntegrationTest;
import it.sportello.support.MovableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The scheduler counts on the application's clock: work due in two days runs once the clock is moved there. */
@IntegrationTest
@Import(MovableClockTests.Probe.class)
class MovableClockTests {

    static final List<String> RAN = new CopyOnWriteArrayList<>();

    @Autowired
    Clock clock;

    @Autowired
    MovableClock movable;

    @Autowired
    Scheduler scheduler;

    @Autowired
    OneTimeTask<Void> farAway;

    @AfterEach
    void backToNow() {
        movable.reset();
    }

    @Test
    void workDueLaterRunsWhenTheClockIsMovedThere() throws Exception {
        assertThat(clock).isSameAs(movable);
        String id = UUID.randomUUID().toString();
        scheduler.schedule(farAway.instance(id), Instant.now(clock).plus(Duration.ofDays(2)));

        Thread.sleep(1_000);
        assertThat(RAN).doesNotContain(id);

        movable.advance(Duration.ofDays(2).plusMinutes(1));
        for (int i = 0; i < 100 && !RAN.contains(id); i++) {
            Thread.sleep(100);
        }
        assertThat(RAN).containsOnlyOnce(id);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Probe {
        @Bean
        OneTimeTask<Void> farAway() {
            return Tasks.oneTime("test-far-away").execute((instance, context) -> RAN.add(instance.getId()));
        }
    }
}
