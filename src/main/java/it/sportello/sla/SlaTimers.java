package it.sportello.sla;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import it.sportello.ticket.TicketId;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clocks' timers on the persistent scheduler: one warning and one breach per running clock and
 * due instant, named {@code ticketId-target-epochMillis} so scheduling one twice keeps one. They
 * survive restarts and run once across nodes; when one fires, the clock decides whether it still
 * means anything.
 */
@Configuration(proxyBeanMethods = false)
class SlaTimers {

    static final String WARNING = "sla-warning";
    static final String BREACH = "sla-breach";

    static String instanceId(TicketId ticket, SlaTarget target, Instant at) {
        return ticket.value() + "-" + target.code() + "-" + at.toEpochMilli();
    }

    @Bean
    OneTimeTask<Void> slaWarningTimer(ObjectProvider<SlaClocks> clocks) {
        return Tasks.oneTime(WARNING)
                .execute((instance, context) -> fire(clocks, instance.getId(), EscalationMoment.WARNING));
    }

    @Bean
    OneTimeTask<Void> slaBreachTimer(ObjectProvider<SlaClocks> clocks) {
        return Tasks.oneTime(BREACH)
                .execute((instance, context) -> fire(clocks, instance.getId(), EscalationMoment.BREACH));
    }

    private static void fire(ObjectProvider<SlaClocks> clocks, String instanceId, EscalationMoment moment) {
        String[] parts = instanceId.split("-");
        clocks.getObject().fire(new TicketId(Long.parseLong(parts[0])), SlaTarget.fromCode(parts[1]), moment);
    }
}
