package it.sportello.routing.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import it.sportello.routing.TicketRouter;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The net under the event listeners: every so often, once across the cluster, the waiting tickets
 * of every group that routes by itself are offered again. It catches what no event announces,
 * such as an admin adding an available agent to a group.
 */
@Configuration(proxyBeanMethods = false)
class RoutingSweep {

    @Bean
    RecurringTask<Void> routingSweepTask(
            TicketRouter router, @Value("${sportello.routing.sweep-interval:1m}") Duration interval) {
        return Tasks.recurring("routing-sweep", FixedDelay.of(interval)).execute((instance, context) -> router.sweep());
    }
}
