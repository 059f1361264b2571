package it.sportello.sla;

import it.sportello.identity.AuditLog;
import it.sportello.identity.CurrentUser;
import it.sportello.shared.InvalidInputException;
import it.sportello.shared.NotFoundException;
import it.sportello.shared.PlainText;
import it.sportello.ticket.Ticket;
import it.sportello.ticket.TicketId;
import it.sportello.ticket.TicketManagement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Milestones recorded against tickets. Recording is idempotent by ticket and name: the first record
 * of a milestone stands, and recording it again (a retried request, a second click) answers with
 * that first record and changes nothing. A wrong one is removed and recorded anew.
 */
@Service
public class Milestones {

    /**
     * The milestone the chat records when a visitor is first handed to a person: the chat standards
     * count the visitor's wait for a person from it, not the time they spent with the bot.
     */
    public static final String CHAT_HANDED_OVER = "chat-operatore";

    /** How far ahead of the desk's clock a reported instant may be (clocks of other systems drift). */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final MilestoneRepository milestones;
    private final TicketManagement tickets;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Milestones(
            MilestoneRepository milestones,
            TicketManagement tickets,
            AuditLog audit,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.milestones = milestones;
        this.tickets = tickets;
        this.audit = audit;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** A milestone as recorded, and whether this call recorded it (false: it was there already). */
    public record Recorded(Milestone milestone, boolean created) {}

    /**
     * Records that {@code ticket} reached {@code name} at {@code reachedAt} (now when null). Not
     * before the ticket was opened, not in the future.
     */
    public Recorded record(TicketId ticket, String name, Instant reachedAt, String note, CurrentUser actor) {
        Ticket found = tickets.find(ticket).orElseThrow(() -> new NotFoundException("Ticket", ticket.value()));
        Instant now = Instant.now(clock);
        Map<String, String> errors = new LinkedHashMap<>();
        String clean = Standards.milestoneName(name);
        if (clean == null) {
            errors.put("name", "must name the milestone, e.g. consegna");
        } else if (!Standards.MILESTONE_NAME.matcher(clean).matches()) {
            errors.put("name", "letters, digits, spaces, - and _ only, at most 60");
        }
        Instant at = reachedAt == null ? now : reachedAt;
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            errors.put("at", "must not be in the future");
        } else if (at.isBefore(found.createdAt())) {
            errors.put("at", "must not be before the ticket was opened (" + found.createdAt() + ")");
        }
        String cleanNote = note == null ? null : PlainText.clean(note).strip();
        if (cleanNote != null && cleanNote.length() > 500) {
            errors.put("note", "must be at most 500 characters");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String noteToKeep = cleanNote == null || cleanNote.isEmpty() ? null : cleanNote;
        try {
            return transactions.execute(tx -> milestones
                    .findByTicketIdAndName(ticket.value(), clean)
                    .map(existing -> new Recorded(existing, false))
                    .orElseGet(() -> {
                        Milestone milestone = milestones.saveAndFlush(
                                new Milestone(ticket, clean, at, noteToKeep, actor == null ? null : actor.id(), now));
                        audit.record("sla.milestone.record", "ticket:" + ticket.value(), clean + " at " + at);
                        events.publishEvent(new MilestoneReached(ticket, clean, at, now));
                        return new Recorded(milestone, true);
                    }));
        } catch (DataIntegrityViolationException e) {
            // Two requests recorded the same milestone at once: the other one's record stands.
            return new Recorded(
                    milestones.findByTicketIdAndName(ticket.value(), clean).orElseThrow(() -> e), false);
        }
    }

    @Transactional(readOnly = true)
    public List<Milestone> of(TicketId ticket) {
        return milestones.findByTicketIdOrderByReachedAtAscIdAsc(ticket.value());
    }

    /** Removes a milestone recorded by mistake; false when there was none. */
    @Transactional
    public boolean remove(TicketId ticket, String name) {
        String clean = Standards.milestoneName(name);
        return milestones
                .findByTicketIdAndName(ticket.value(), clean == null ? "" : clean)
                .map(milestone -> {
                    milestones.delete(milestone);
                    audit.record(
                            "sla.milestone.remove",
                            "ticket:" + ticket.value(),
                            milestone.name() + " at " + milestone.reachedAt());
                    return true;
                })
                .orElse(false);
    }

    /** The milestones with these names of these tickets, in a few queries for any number of tickets. */
    @Transactional(readOnly = true)
    List<Milestone> named(Collection<String> names, Collection<TicketId> ticketIds) {
        List<Long> ids = ticketIds.stream().map(TicketId::value).distinct().toList();
        List<Milestone> found = new ArrayList<>();
        if (names.isEmpty()) {
            return found;
        }
        for (int i = 0; i < ids.size(); i += 1000) {
            found.addAll(milestones.findByNameInAndTicketIdIn(names, ids.subList(i, Math.min(ids.size(), i + 1000))));
        }
        return found;
    }

    /** The milestones with this name reached in [{@code from}, {@code to}). */
    @Transactional(readOnly = true)
    List<Milestone> reachedBetween(String name, Instant from, Instant to) {
        return milestones.findByNameAndReachedAtGreaterThanEqualAndReachedAtLessThan(name, from, to);
    }
}
