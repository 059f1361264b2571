package it.sportello.automation;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Time rules are checked on the persistent scheduler: once per interval across all nodes, surviving restarts. */
@Configuration(proxyBeanMethods = false)
class TimeRuleSchedule {

    @Bean
    RecurringTask<Void> automationTimeRulesTask(
            TimeRuleCheck check, @Value("${sportello.automation.time-rules.check-every:1m}") Duration every) {
        return Tasks.recurring("automation-time-rules", FixedDelay.of(every))
                .execute((instance, context) -> check.checkAll());
    }
}
