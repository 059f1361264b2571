package it.sportello.automation;

import it.sportello.ticket.TicketStatus;
import java.util.List;

/**
 * A time rule as written by a supervisor: when a ticket (in {@code status}, or any unsolved one
 * when null) has gone {@code afterHours} hours (business hours on the calendar, when
 * {@code businessHours}; the default calendar when none is named) since what {@code measure} says,
 * and passes the conditions, the actions run, once for that stretch of time.
 */
public record TimeRuleDraft(
        String name,
        boolean active,
        TimeMeasure measure,
        TicketStatus status,
        Integer afterHours,
        boolean businessHours,
        Long calendarId,
        boolean matchAny,
        List<Condition> conditions,
        List<Action> actions) {}
