package it.sportello.sla;

import it.sportello.identity.AgentGroup;
import it.sportello.identity.GroupId;
import it.sportello.identity.Notifications;
import it.sportello.identity.UserId;
import it.sportello.identity.UserManagement;
import it.sportello.ticket.Priority;
import it.sportello.ticket.Ticket;
import it.sportello.ticket.TicketManagement;
import it.sportello.ticket.TicketManagement.TicketChanges;
import it.sportello.ticket.TicketStatus;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs a policy's escalation rules on a ticket whose clock warned or breached, in the caller's
 * transaction: a notice to the group's supervisors, a higher priority, another group or agent. The
 * ticket changes as the desk (no person). A rule whose group or agent is gone is skipped and
 * logged, so one stale rule does not hold back the others or the breach itself.
 */
@Component
class Escalations {

    private static final Logger log = LoggerFactory.getLogger(Escalations.class);

    private final TicketManagement tickets;
    private final Notifications notifications;
    private final UserManagement users;

    Escalations(TicketManagement tickets, Notifications notifications, UserManagement users) {
        this.tickets = tickets;
        this.notifications = notifications;
        this.users = users;
    }

    void run(Ticket ticket, List<EscalationRule> rules, SlaTarget target, EscalationMoment moment) {
        if (ticket.status() == TicketStatus.CLOSED) {
            return;
        }
        for (EscalationRule rule : rules) {
            switch (rule.action()) {
                case NOTIFY_SUPERVISORS -> notifySupervisors(ticket, target, moment);
                case RAISE_PRIORITY -> raisePriority(ticket, rule);
                case REASSIGN -> reassign(ticket, rule);
            }
        }
    }

    /** The message key of the notice, e.g. {@code sla.notice.breach.first_response}. */
    static String noticeKey(SlaTarget target, EscalationMoment moment) {
        return "sla.notice." + moment.code() + "." + target.code();
    }

    private void notifySupervisors(Ticket ticket, SlaTarget target, EscalationMoment moment) {
        notifications.notifyAll(
                notifications.supervisorsOf(ticket.group().orElse(null)),
                noticeKey(target, moment),
                List.of(String.valueOf(ticket.id().value()), ticket.subject()),
                "/tickets/" + ticket.id().value());
    }

    private void raisePriority(Ticket ticket, EscalationRule rule) {
        Priority current = ticket.priority();
        Priority wanted = rule.priority() != null
                ? rule.priority()
                : Priority.values()[Math.min(current.ordinal() + 1, Priority.values().length - 1)];
        if (wanted.compareTo(current) > 0) {
            tickets.changeAsDesk(ticket.id(), new TicketChanges(null, wanted, null, null, null, null, null));
        }
    }

    private void reassign(Ticket ticket, EscalationRule rule) {
        Optional<GroupId> group = Optional.ofNullable(rule.groupId()).map(GroupId::new);
        Optional<UserId> agent = Optional.ofNullable(rule.agentId()).map(UserId::new);
        if (group.isPresent() && users.groups().stream().map(AgentGroup::id).noneMatch(group.get()::equals)) {
            log.warn(
                    "Escalation skipped on ticket {}: group {} is gone",
                    ticket.id().value(),
                    rule.groupId());
            return;
        }
        if (agent.isPresent()
                && users.findById(agent.get())
                        .filter(u -> u.active() && u.role().isStaff())
                        .isEmpty()) {
            log.warn(
                    "Escalation skipped on ticket {}: agent {} cannot take tickets",
                    ticket.id().value(),
                    rule.agentId());
            return;
        }
        // A new group without a named agent puts the ticket in that group's queue.
        Optional<UserId> assignee = agent.isPresent() ? agent : group.isPresent() ? Optional.empty() : null;
        tickets.changeAsDesk(
                ticket.id(),
                new TicketChanges(null, null, assignee, group.isPresent() ? group : null, null, null, null));
    }
}
