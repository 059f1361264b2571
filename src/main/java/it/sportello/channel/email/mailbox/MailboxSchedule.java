package it.sportello.channel.email.mailbox;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Mailboxes are polled from the persistent scheduler: one task looks every few seconds
 * ({@code sportello.email.mailboxes.check-every}) for mailboxes whose own interval has passed.
 */
@Configuration(proxyBeanMethods = false)
class MailboxSchedule {

    @Bean
    RecurringTask<Void> emailMailboxesTask(
            MailboxPolling polling, @Value("${sportello.email.mailboxes.check-every:5s}") Duration every) {
        return Tasks.recurring("email-mailboxes", FixedDelay.of(every))
                .execute((instance, context) -> polling.pollDue());
    }
}
