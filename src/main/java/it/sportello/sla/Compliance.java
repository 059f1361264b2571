package it.sportello.sla;

import it.sportello.identity.AgentGroup;
import it.sportello.identity.User;
import it.sportello.identity.UserId;
import it.sportello.identity.UserManagement;
import it.sportello.shared.InvalidInputException;
import it.sportello.ticket.TicketFacts;
import it.sportello.ticket.TicketId;
import it.sportello.ticket.TicketManagement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Measures the active standards over a period. A ticket belongs to the period when its measured
 * time <em>started</em> in it: opened in [from, to), or, for a standard measured from another
 * milestone, reached that milestone in [from, to). It is judged at the desk's clock's now
 * ({@link ComplianceOutcome#judge}): a ticket whose threshold has passed without the event counts as
 * missed even though it may still be answered. Not measured: merged tickets; for the answer
 * measures, tickets solved or closed without any reply by a person (spam, a chat the bot settled);
 * tickets not yet at a standard's start milestone. A handful of queries for any number of tickets.
 */
@Service
public class Compliance {

    static final Duration LONGEST_PERIOD = Duration.ofDays(400);

    private final Standards standards;
    private final Milestones milestones;
    private final Calendars calendars;
    private final TicketManagement tickets;
    private final UserManagement users;
    private final Clock clock;

    Compliance(
            Standards standards,
            Milestones milestones,
            Calendars calendars,
            TicketManagement tickets,
            UserManagement users,
            Clock clock) {
        this.standards = standards;
        this.milestones = milestones;
        this.calendars = calendars;
        this.tickets = tickets;
        this.users = users;
        this.clock = clock;
    }

    /**
     * The report for [{@code from}, {@code to}); with {@code onlyAgent} the agent rows show that
     * person alone (an agent looking at their own figures).
     */
    public ComplianceReport report(Instant from, Instant to, ComplianceGrouping groupBy, UserId onlyAgent) {
        if (!from.isBefore(to)) {
            throw new InvalidInputException("to", "must be after from");
        }
        if (Duration.between(from, to).compareTo(LONGEST_PERIOD) > 0) {
            throw new InvalidInputException("to", "a period spans at most 400 days");
        }
        ComplianceGrouping grouping = groupBy == null ? ComplianceGrouping.NONE : groupBy;
        Instant now = Instant.now(clock);
        List<Standard> measured = standards.active();

        List<TicketFacts> opened = tickets.factsOpenedBetween(from, to);
        Set<String> endNames = measured.stream()
                .filter(s -> s.measure() == StandardMeasure.MILESTONE && s.startMilestone() == null)
                .map(Standard::milestone)
                .collect(Collectors.toCollection(java.util.HashSet::new));
        endNames.add(Milestones.CHAT_HANDED_OVER);
        Map<String, Map<Long, Instant>> reached = byName(milestones.named(
                endNames, opened.stream().map(TicketFacts::ticketId).toList()));

        List<Measurement> measurements = new ArrayList<>();
        for (Standard standard : measured) {
            BusinessCalendar calendar =
                    standard.businessTime() ? calendars.businessCalendar(standard.calendarId()) : null;
            if (standard.measure() == StandardMeasure.MILESTONE && standard.startMilestone() != null) {
                measureFromMilestone(standard, calendar, from, to, now, measurements);
                continue;
            }
            for (TicketFacts ticket : opened) {
                if (ticket.merged() || !standard.covers(ticket.channel(), ticket.priority())) {
                    continue;
                }
                // A chat is measured from the visitor's hand-over to a person; one the bot settled is not measured.
                Instant start = standard.measure() == StandardMeasure.CHAT_ANSWERED
                        ? reached.getOrDefault(Milestones.CHAT_HANDED_OVER, Map.of())
                                .get(ticket.id())
                        : ticket.createdAt();
                if (start == null) {
                    continue;
                }
                Instant end = switch (standard.measure()) {
                    case FIRST_RESPONSE, CHAT_ANSWERED -> ticket.firstReplyAt();
                    case RESOLUTION -> ticket.done() ? ticket.solvedAt() : null;
                    case MILESTONE ->
                        reached.getOrDefault(standard.milestone(), Map.of()).get(ticket.id());
                };
                if (end == null && ticket.done() && standard.measure().measuresAnAnswer()) {
                    continue;
                }
                measurements.add(new Measurement(
                        standard, ticket, ComplianceOutcome.judge(start, end, standard.threshold(), calendar, now)));
            }
        }
        return new ComplianceReport(from, to, now, grouping, summarise(measured, measurements, grouping, onlyAgent));
    }

    private void measureFromMilestone(
            Standard standard,
            BusinessCalendar calendar,
            Instant from,
            Instant to,
            Instant now,
            List<Measurement> measurements) {
        List<Milestone> starts = milestones.reachedBetween(standard.startMilestone(), from, to);
        if (starts.isEmpty()) {
            return;
        }
        List<TicketId> ids = starts.stream().map(Milestone::ticketId).toList();
        Map<Long, TicketFacts> facts =
                tickets.facts(ids).stream().collect(Collectors.toMap(TicketFacts::id, Function.identity()));
        Map<Long, Instant> ends = byName(milestones.named(Set.of(standard.milestone()), ids))
                .getOrDefault(standard.milestone(), Map.of());
        for (Milestone start : starts) {
            TicketFacts ticket = facts.get(start.ticketId().value());
            if (ticket == null || ticket.merged() || !standard.covers(ticket.channel(), ticket.priority())) {
                continue;
            }
            measurements.add(new Measurement(
                    standard,
                    ticket,
                    ComplianceOutcome.judge(
                            start.reachedAt(), ends.get(ticket.id()), standard.threshold(), calendar, now)));
        }
    }

    private record Measurement(Standard standard, TicketFacts ticket, ComplianceOutcome outcome) {}

    private List<StandardCompliance> summarise(
            List<Standard> measured, List<Measurement> measurements, ComplianceGrouping grouping, UserId onlyAgent) {
        Map<String, String> names = names(grouping, measurements);
        List<StandardCompliance> result = new ArrayList<>();
        for (Standard standard : measured) {
            ComplianceFigures whole = ComplianceFigures.NONE;
            Map<String, ComplianceFigures> parts = new HashMap<>();
            for (Measurement m : measurements) {
                if (m.standard() != standard) {
                    continue;
                }
                whole = whole.plus(m.outcome());
                if (grouping != ComplianceGrouping.NONE) {
                    parts.merge(key(grouping, m.ticket()), ComplianceFigures.NONE.plus(m.outcome()), Compliance::sum);
                }
            }
            List<ComplianceRow> rows = parts.entrySet().stream()
                    .filter(e -> grouping != ComplianceGrouping.AGENT
                            || onlyAgent == null
                            || e.getKey().equals(String.valueOf(onlyAgent.value())))
                    .map(e -> new ComplianceRow(e.getKey(), names.getOrDefault(e.getKey(), e.getKey()), e.getValue()))
                    .sorted(rowOrder(grouping))
                    .toList();
            result.add(new StandardCompliance(
                    standard.id(), standard.name(), standard.measure(), standard.floor(), whole, rows));
        }
        return result;
    }

    private static ComplianceFigures sum(ComplianceFigures a, ComplianceFigures b) {
        return new ComplianceFigures(a.met() + b.met(), a.missed() + b.missed(), a.pending() + b.pending());
    }

    private static String key(ComplianceGrouping grouping, TicketFacts ticket) {
        return switch (grouping) {
            case CHANNEL -> ticket.channel().code();
            case TEAM -> idOrNone(ticket.groupId());
            case AGENT -> idOrNone(ticket.assigneeId());
            case NONE -> ComplianceRow.NONE;
        };
    }

    private static String idOrNone(Long id) {
        return id == null ? ComplianceRow.NONE : String.valueOf(id);
    }

    /** Channels in their natural order; teams and agents by name, those without one last. */
    private static Comparator<ComplianceRow> rowOrder(ComplianceGrouping grouping) {
        if (grouping == ComplianceGrouping.CHANNEL) {
            return Comparator.comparing(row -> it.sportello.ticket.Channel.fromCode(row.key()));
        }
        return Comparator.comparing((ComplianceRow row) -> row.key().equals(ComplianceRow.NONE))
                .thenComparing(row -> row.name().toLowerCase(java.util.Locale.ROOT))
                .thenComparing(ComplianceRow::key);
    }

    /** The names of the teams or agents in the rows, read once. */
    private Map<String, String> names(ComplianceGrouping grouping, List<Measurement> measurements) {
        Map<String, String> names = new LinkedHashMap<>();
        names.put(ComplianceRow.NONE, "");
        if (grouping == ComplianceGrouping.TEAM) {
            for (AgentGroup group : users.groups()) {
                names.put(String.valueOf(group.id().value()), group.name());
            }
        } else if (grouping == ComplianceGrouping.AGENT) {
            Set<UserId> ids = new HashSet<>();
            measurements.forEach(m -> m.ticket().assignee().ifPresent(ids::add));
            for (User user : users.findAll(ids).values()) {
                names.put(String.valueOf(user.id().value()), user.displayName());
            }
        }
        return names;
    }

    private static Map<String, Map<Long, Instant>> byName(List<Milestone> found) {
        Map<String, Map<Long, Instant>> byName = new HashMap<>();
        for (Milestone m : found) {
            byName.computeIfAbsent(m.name(), n -> new HashMap<>())
                    .put(m.ticketId().value(), m.reachedAt());
        }
        return byName;
    }
}
