package it.sportello.sla.web;

import it.sportello.sla.CalendarId;
import it.sportello.sla.Standard;
import it.sportello.sla.StandardDraft;
import it.sportello.sla.StandardMeasure;
import it.sportello.ticket.Channel;
import it.sportello.ticket.Priority;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * A standard as the supervisor's form posts it: the threshold as an amount and a unit, the
 * calendar as an id or empty for the default one, numbers as typed, so a wrong one comes back as
 * typed. An unticked box is absent.
 */
record StandardsForm(
        String name,
        String description,
        StandardMeasure measure,
        String milestone,
        String startMilestone,
        String amount,
        String unit,
        Boolean businessTime,
        Long calendarId,
        List<Channel> channels,
        List<Priority> priorities,
        String floor,
        Boolean active,
        Long version) {

    static StandardsForm blank() {
        return new StandardsForm(
                "",
                "",
                StandardMeasure.FIRST_RESPONSE,
                "",
                "",
                "8",
                "hours",
                true,
                null,
                List.of(),
                List.of(),
                "90",
                true,
                null);
    }

    static StandardsForm of(Standard s) {
        long seconds = s.threshold().toSeconds();
        String unit = seconds % 86_400 == 0 && !s.businessTime() ? "days" : seconds % 3600 == 0 ? "hours" : "minutes";
        long amount = switch (unit) {
            case "days" -> seconds / 86_400;
            case "hours" -> seconds / 3600;
            default -> Math.max(1, seconds / 60);
        };
        return new StandardsForm(
                s.name(),
                s.description(),
                s.measure(),
                s.milestone(),
                s.startMilestone(),
                String.valueOf(amount),
                unit,
                s.businessTime(),
                s.calendarId() == null ? null : s.calendarId().value(),
                List.copyOf(s.channels()),
                List.copyOf(s.priorities()),
                s.floor().stripTrailingZeros().toPlainString(),
                s.active(),
                s.version());
    }

    /** The draft; fields that cannot be read are put in {@code unreadable} and left empty for the service to name. */
    StandardDraft toDraft(Map<String, String> unreadable) {
        Duration threshold = null;
        try {
            long n = Long.parseLong(amount == null ? "" : amount.trim());
            threshold = switch (unit == null ? "" : unit) {
                case "minutes" -> Duration.ofMinutes(n);
                case "days" -> Duration.ofDays(n);
                default -> Duration.ofHours(n);
            };
        } catch (NumberFormatException | ArithmeticException e) {
            unreadable.put("threshold", "not a whole number");
        }
        BigDecimal percent = null;
        try {
            percent = new BigDecimal(floor == null ? "" : floor.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            unreadable.put("floor", "not a number");
        }
        return new StandardDraft(
                name,
                description,
                measure,
                milestone,
                startMilestone,
                threshold,
                Boolean.TRUE.equals(businessTime),
                calendarId == null ? null : new CalendarId(calendarId),
                channels == null || channels.isEmpty() ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(channels),
                priorities == null || priorities.isEmpty()
                        ? EnumSet.noneOf(Priority.class)
                        : EnumSet.copyOf(priorities),
                percent,
                Boolean.TRUE.equals(active));
    }
}
