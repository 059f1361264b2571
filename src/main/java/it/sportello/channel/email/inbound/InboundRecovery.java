package it.sportello.channel.email.inbound;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import it.sportello.channel.email.EmailIntake;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Finishes inbound messages that were stored but never processed (the process died in between,
 * or the database was away): on start-up and then every {@code sportello.email.recovery-interval},
 * on one node at a time, it processes those waiting longer than {@code sportello.email.recovery-after}
 * (younger ones are probably being processed by the request that stored them).
 */
@Configuration(proxyBeanMethods = false)
class InboundRecovery {

    @Bean
    RecurringTask<Void> inboundEmailRecovery(
            @Lazy EmailIntake intake,
            @Value("${sportello.email.recovery-interval:5s}") Duration interval,
            @Value("${sportello.email.recovery-after:5s}") Duration after) {
        return Tasks.recurring("email-inbound-recovery", FixedDelay.of(interval))
                .execute((instance, context) -> intake.processWaiting(after));
    }
}
