package it.sportello.channel.email.outbound;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The outbox is worked through on the persistent scheduler: one node at a time, every few seconds. */
@Configuration(proxyBeanMethods = false)
class OutboxSchedule {

    @Bean
    RecurringTask<Void> emailOutboxTask(OutboxDelivery delivery, OutboundMailSettings settings) {
        return Tasks.recurring("email-outbox", FixedDelay.of(settings.outbox().interval()))
                .execute((instance, context) -> delivery.sendDue());
    }
}
