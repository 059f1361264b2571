package it.sportello.sla;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Gives the clocks' warnings and breaches: every {@code sportello.sla.sweep-interval} (10 seconds),
 * once across the cluster, on the persistent scheduler, it looks up the running clocks whose
 * moment has come (an indexed query) and gives each. Nothing is scheduled per ticket, so opening a
 * ticket writes no timer, and a pause, stop or new policy needs no timer undone: the clock's own
 * due and warning times are what the sweep reads. After a restart or an outage the next sweep
 * gives whatever fell due meanwhile.
 */
@Configuration(proxyBeanMethods = false)
class SlaSweep {

    static final String TASK = "sla-sweep";

    @Bean
    RecurringTask<Void> slaSweepTask(
            ObjectProvider<SlaClocks> clocks, @Value("${sportello.sla.sweep-interval:10s}") Duration interval) {
        return Tasks.recurring(TASK, FixedDelay.of(interval))
                .execute((instance, context) -> clocks.getObject().fireDue());
    }
}
