package it.sportello.automation;

import it.sportello.identity.GroupId;
import it.sportello.identity.Notifications;
import it.sportello.identity.UserId;
import it.sportello.ticket.Priority;
import it.sportello.ticket.Ticket;
import it.sportello.ticket.TicketManagement;
import it.sportello.ticket.TicketStatus;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Performs a rule's actions on a ticket, inside the caller's transaction. The changes to the
 * ticket's own fields go first, as one change of the desk (so they carry one instant, recorded as
 * the rule's echo); then notes, the reply, notices and webhooks, in the order written.
 */
@Component
class ActionRunner {

    private static final Logger log = LoggerFactory.getLogger(ActionRunner.class);

    /** Which rule acts, for what, in which chain of events. */
    record Run(String ruleKey, String ruleName, String event, Firings.Chain chain) {}

    private final TicketManagement tickets;
    private final Notifications notifications;
    private final Placeholders placeholders;
    private final Firings firings;
    private final Webhooks webhooks;

    ActionRunner(
            TicketManagement tickets,
            Notifications notifications,
            Placeholders placeholders,
            Firings firings,
            Webhooks webhooks) {
        this.tickets = tickets;
        this.notifications = notifications;
        this.placeholders = placeholders;
        this.firings = firings;
        this.webhooks = webhooks;
    }

    void perform(List<Action> actions, TicketFacts facts, Run run) {
        Ticket ticket = facts.ticket();
        if (ticket.status() == TicketStatus.CLOSED) {
            log.info(
                    "{} leaves ticket {} alone: it is closed",
                    run.ruleName(),
                    ticket.id().value());
            return;
        }
        Optional<TicketManagement.TicketChanges> changes = fieldChanges(actions, ticket);
        if (changes.isPresent()) {
            // Read before the change: the ticket may be the very instance the change updates.
            java.time.Instant before = ticket.updatedAt();
            Ticket changed = tickets.changeAsDesk(ticket.id(), changes.get());
            if (!changed.updatedAt().equals(before)) {
                // The events of this change carry its instant: they belong to this chain, one level deeper.
                firings.echo(
                        ticket.id(),
                        changed.updatedAt(),
                        new Firings.Chain(run.chain().key(), run.chain().depth() + 1));
            }
            ticket = changed;
        }
        TicketFacts now = new TicketFacts(ticket, facts.customer(), facts.messageText(), facts.at());
        for (Action action : actions) {
            switch (action.type()) {
                case ADD_NOTE ->
                    tickets.addSystemNote(
                            ticket.id(),
                            new TicketManagement.Body(
                                    placeholders.fill(
                                            action.value(),
                                            ticket,
                                            facts.customer(),
                                            facts.customer().locale().locale()),
                                    null),
                            ticket.channel(),
                            List.of());
                case REPLY -> {
                    String text = placeholders.render(action.textIt(), action.textEn(), ticket, facts.customer());
                    if (!text.isBlank()) {
                        tickets.answerAsDesk(ticket.id(), new TicketManagement.Body(text, null), ticket.channel());
                    }
                }
                case NOTIFY -> notify(action, now, run);
                case WEBHOOK -> webhooks.schedule(action, now, run);
                default -> {}
            }
        }
    }

    /** The ticket's own fields as the actions leave them; empty when nothing would change. */
    private static Optional<TicketManagement.TicketChanges> fieldChanges(List<Action> actions, Ticket ticket) {
        TicketStatus status = null;
        Priority priority = null;
        Optional<UserId> assignee = null;
        Optional<GroupId> group = null;
        Set<String> tags = new TreeSet<>(ticket.tags());
        boolean retag = false;
        for (Action action : actions) {
            switch (action.type()) {
                case SET_STATUS -> {
                    TicketStatus wanted = TicketStatus.fromCode(action.value());
                    // An impossible move (solved → pending) is left out, not allowed to undo the rest.
                    if (wanted == ticket.status() || ticket.status().canMoveTo(wanted)) {
                        status = wanted;
                    } else {
                        log.info(
                                "Ticket {} cannot go from {} to {}; that action is skipped",
                                ticket.id().value(),
                                ticket.status().code(),
                                wanted.code());
                    }
                }
                case SET_PRIORITY -> priority = Priority.fromCode(action.value());
                case ASSIGN -> {
                    if (action.groupId() != null) {
                        group = Optional.of(new GroupId(action.groupId()));
                        // A new group without a named agent returns the ticket to that group's queue.
                        if (action.agentId() == null) {
                            assignee = Optional.empty();
                        }
                    }
                    if (action.agentId() != null) {
                        assignee = Optional.of(new UserId(action.agentId()));
                    }
                }
                case ADD_TAGS -> {
                    retag = true;
                    new Condition(null, action.value()).values().forEach(t -> tags.add(Macros.tag(t)));
                }
                case REMOVE_TAGS -> {
                    retag = true;
                    new Condition(null, action.value()).values().forEach(t -> tags.remove(Macros.tag(t)));
                }
                default -> {}
            }
        }
        boolean any = status != null && status != ticket.status()
                || priority != null && priority != ticket.priority()
                || assignee != null
                || group != null
                || retag && !tags.equals(ticket.tags());
        if (!any) {
            return Optional.empty();
        }
        return Optional.of(new TicketManagement.TicketChanges(
                status, priority, assignee, group, retag ? List.copyOf(tags) : null, null, null));
    }

    private void notify(Action action, TicketFacts facts, Run run) {
        Set<UserId> recipients = new LinkedHashSet<>();
        for (String who : action.value().split(",")) {
            String w = who.trim();
            if (w.equals("supervisors")) {
                recipients.addAll(
                        notifications.supervisorsOf(facts.ticket().group().orElse(null)));
            } else if (w.equals("assignee")) {
                facts.ticket().assignee().ifPresent(recipients::add);
            } else if (w.matches("\\d+")) {
                recipients.add(new UserId(Long.parseLong(w)));
            }
        }
        if (!recipients.isEmpty()) {
            notifications.notifyAll(
                    recipients,
                    "automation.notice",
                    List.of(
                            run.ruleName(),
                            String.valueOf(facts.ticket().id().value()),
                            facts.ticket().subject()),
                    "/tickets/" + facts.ticket().id().value());
        }
    }
}
