package it.sportello.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import it.sportello.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Work scheduled on the persistent scheduler runs once, and only if the transaction that scheduled
 * it commits; recurring work starts by itself.
 */
@IntegrationTest
@Import(SchedulerTests.Probe.class)
class SchedulerTests {

    static final List<String> RAN = new CopyOnWriteArrayList<>();
    static final List<Instant> TICKS = new CopyOnWriteArrayList<>();

    @Autowired
    Scheduler scheduler;

    @Autowired
    OneTimeTask<String> probe;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void runsScheduledWorkOnceEvenWhenScheduledTwice() throws Exception {
        String id = UUID.randomUUID().toString();
        // Due later, so the first is surely still waiting when the second arrives.
        Instant later = Instant.now().plus(Duration.ofHours(1));

        assertThat(scheduler.scheduleIfNotExists(probe.instance(id, id), later)).isTrue();
        assertThat(scheduler.scheduleIfNotExists(probe.instance(id, id), later))
                .as("one instance id is one piece of work")
                .isFalse();
        scheduler.reschedule(probe.instance(id), Instant.now());

        awaitRun(id);
        Thread.sleep(600);
        assertThat(RAN.stream().filter(id::equals)).hasSize(1);
    }

    @Test
    void forgetsWorkScheduledInATransactionThatRolledBack() throws Exception {
        String committed = UUID.randomUUID().toString();
        String rolledBack = UUID.randomUUID().toString();

        transactions.executeWithoutResult(
                tx -> scheduler.schedule(probe.instance(committed, committed), Instant.now()));
        transactions.executeWithoutResult(tx -> {
            scheduler.schedule(probe.instance(rolledBack, rolledBack), Instant.now());
            tx.setRollbackOnly();
        });

        awaitRun(committed);
        Thread.sleep(600);
        assertThat(RAN).doesNotContain(rolledBack);
    }

    @Test
    void runsRecurringWorkByItself() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (TICKS.size() < 2 && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }

        assertThat(TICKS).as("ticked at least twice within 10 s").hasSizeGreaterThanOrEqualTo(2);
    }

    private static void awaitRun(String id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!RAN.contains(id) && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(RAN).as("ran within 10 s").contains(id);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Probe {

        @Bean
        OneTimeTask<String> probe() {
            return Tasks.oneTime("scheduler-test-probe", String.class)
                    .execute((instance, context) -> RAN.add(instance.getData()));
        }

        @Bean
        RecurringTask<Void> ticker() {
            return Tasks.recurring("scheduler-test-ticker", FixedDelay.ofMillis(200))
                    .execute((instance, context) -> TICKS.add(Instant.now()));
        }
    }
}
