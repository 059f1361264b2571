package it.sportello.sla.web;

import it.sportello.sla.CalendarId;
import it.sportello.sla.StandardDraft;
import it.sportello.sla.StandardId;
import it.sportello.sla.StandardMeasure;
import it.sportello.sla.Standards;
import it.sportello.ticket.Channel;
import it.sportello.ticket.Priority;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A standard as an integration sends it: {@code threshold} an ISO-8601 duration ({@code PT8H},
 * {@code PT2M}, {@code P3D}), {@code businessTime} true to count only the calendar's hours (the
 * default calendar unless {@code calendarId}), {@code channels}/{@code priorities} codes (empty or
 * absent: all), {@code floor} a percentage. {@code version} is required when replacing one.
 */
record StandardRequest(
        String name,
        String description,
        String measure,
        String milestone,
        String startMilestone,
        String threshold,
        Boolean businessTime,
        Long calendarId,
        List<String> channels,
        List<String> priorities,
        BigDecimal floor,
        Boolean active,
        Long version) {

    /**
     * The draft; when a field cannot even be read, fails naming it together with every other
     * failing field the service finds.
     */
    StandardDraft toDraft(Standards standards, StandardId self) {
        Map<String, String> errors = new LinkedHashMap<>();
        StandardMeasure parsedMeasure = null;
        if (measure == null || measure.isBlank()) {
            errors.put("measure", "is required: first_response, resolution, chat_answered or milestone");
        } else {
            try {
                parsedMeasure = StandardMeasure.fromCode(measure);
            } catch (IllegalArgumentException e) {
                errors.put("measure", e.getMessage());
            }
        }
        Duration parsedThreshold = null;
        if (threshold == null || threshold.isBlank()) {
            errors.put("threshold", "is required, e.g. PT8H or P3D");
        } else {
            try {
                parsedThreshold = Duration.parse(threshold.trim());
            } catch (DateTimeParseException e) {
                errors.put("threshold", "must be an ISO-8601 duration, e.g. PT8H or P3D");
            }
        }
        Set<Channel> parsedChannels = EnumSet.noneOf(Channel.class);
        for (String code : channels == null ? List.<String>of() : channels) {
            try {
                parsedChannels.add(Channel.fromCode(code));
            } catch (IllegalArgumentException e) {
                errors.put("channels", e.getMessage());
            }
        }
        Set<Priority> parsedPriorities = EnumSet.noneOf(Priority.class);
        for (String code : priorities == null ? List.<String>of() : priorities) {
            try {
                parsedPriorities.add(Priority.fromCode(code));
            } catch (IllegalArgumentException e) {
                errors.put("priorities", e.getMessage());
            }
        }
        if (floor == null) {
            errors.put("floor", "is required, e.g. 95");
        }
        StandardDraft draft = new StandardDraft(
                name,
                description,
                parsedMeasure,
                milestone,
                startMilestone,
                parsedThreshold,
                Boolean.TRUE.equals(businessTime),
                calendarId == null ? null : new CalendarId(calendarId),
                parsedChannels,
                parsedPriorities,
                floor,
                active == null || active);
        if (!errors.isEmpty()) {
            standards.check(draft, self, errors);
        }
        return draft;
    }
}
