package it.sportello.automation;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queues a webhook call on the persistent scheduler, in the rule's own transaction: the call is
 * made after the commit (never for a rule that rolled back), once, and retried with back-off when
 * the receiver fails (see {@link WebhookSchedule}).
 */
@Component
class Webhooks {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Looked up when needed: the scheduler is made from the tasks, and a time rule's task leads back here. */
    private final ObjectProvider<Scheduler> scheduler;

    private final OneTimeTask<WebhookCall> task;
    private final Clock clock;

    Webhooks(ObjectProvider<Scheduler> scheduler, OneTimeTask<WebhookCall> automationWebhookTask, Clock clock) {
        this.scheduler = scheduler;
        this.task = automationWebhookTask;
        this.clock = clock;
    }

    void schedule(Action action, TicketFacts facts, ActionRunner.Run run) {
        String deliveryId = UUID.randomUUID().toString();
        Map<String, Object> ticket = new LinkedHashMap<>();
        ticket.put("id", facts.ticket().id().value());
        ticket.put("subject", facts.ticket().subject());
        ticket.put("status", facts.ticket().status().code());
        ticket.put("priority", facts.ticket().priority().code());
        ticket.put("channel", facts.ticket().channel().code());
        ticket.put("tags", facts.ticket().tags());
        ticket.put("requesterId", facts.ticket().requester().value());
        ticket.put("assigneeId", facts.ticket().assignee().map(a -> a.value()).orElse(null));
        ticket.put("groupId", facts.ticket().group().map(g -> g.value()).orElse(null));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deliveryId", deliveryId);
        body.put("event", run.event());
        body.put("rule", run.ruleName());
        body.put("occurredAt", Instant.now(clock).toString());
        body.put("ticket", ticket);
        scheduler
                .getObject()
                .schedule(
                        task.instance(
                                deliveryId,
                                new WebhookCall(
                                        deliveryId, action.url(), action.secret(), JSON.writeValueAsString(body))),
                        Instant.now(clock));
    }
}
