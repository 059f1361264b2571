package it.sportello.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When a desk works: periods per weekday (several for split shifts), in a time zone, closed on the
 * Italian national holidays if it says so and on its own days (a patron saint, a closure), with
 * single dates whose hours differ. Business time is counted only inside the periods; local times are
 * turned into instants on their own day, so a period that spans a daylight-saving change is as long
 * as the clock on the wall says (an hour shorter in spring, longer in autumn).
 */
public final class BusinessCalendar {

    /** Searching further than this for an open period means the calendar never opens. */
    private static final int HORIZON_DAYS = 3 * 366;

    /** A stretch of a day when the desk works; {@code to} null means until midnight. */
    public record Period(LocalTime from, LocalTime to) {

        public Period {
            if (from == null) {
                throw new IllegalArgumentException("A period needs a start");
            }
            if (to != null && !to.isAfter(from)) {
                throw new IllegalArgumentException("A period ends after it starts: " + from + "-" + to);
            }
        }

        Instant start(LocalDate day, ZoneId zone) {
            return day.atTime(from).atZone(zone).toInstant();
        }

        Instant end(LocalDate day, ZoneId zone) {
            return to == null
                    ? day.plusDays(1).atStartOfDay(zone).toInstant()
                    : day.atTime(to).atZone(zone).toInstant();
        }
    }

    private final ZoneId zone;
    private final Map<DayOfWeek, List<Period>> week;
    private final boolean italianHolidays;
    private final Set<LocalDate> closedDays;
    private final Map<LocalDate, List<Period>> specialDays;

    public BusinessCalendar(
            ZoneId zone,
            Map<DayOfWeek, List<Period>> week,
            boolean italianHolidays,
            Set<LocalDate> closedDays,
            Map<LocalDate, List<Period>> specialDays) {
        this.zone = zone;
        this.week = new EnumMap<>(DayOfWeek.class);
        week.forEach((day, periods) -> this.week.put(day, ordered(periods)));
        this.italianHolidays = italianHolidays;
        this.closedDays = Set.copyOf(closedDays);
        Map<LocalDate, List<Period>> special = new java.util.HashMap<>();
        specialDays.forEach((day, periods) -> special.put(day, ordered(periods)));
        this.specialDays = Map.copyOf(special);
    }

    /** Monday to Friday, 09:00–18:00, closed on the Italian holidays: the desk's default. */
    public static BusinessCalendar officeHours(ZoneId zone) {
        Map<DayOfWeek, List<Period>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(
                DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            week.put(day, List.of(new Period(LocalTime.of(9, 0), LocalTime.of(18, 0))));
        }
        return new BusinessCalendar(zone, week, true, Set.of(), Map.of());
    }

    /** Every hour of every day: "around the clock". */
    public static BusinessCalendar aroundTheClock(ZoneId zone) {
        Map<DayOfWeek, List<Period>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, List.of(new Period(LocalTime.MIDNIGHT, null)));
        }
        return new BusinessCalendar(zone, week, false, Set.of(), Map.of());
    }

    public ZoneId zone() {
        return zone;
    }

    /** The periods the desk works on this local date (none on a holiday or a closed day). */
    public List<Period> periodsOn(LocalDate day) {
        List<Period> special = specialDays.get(day);
        if (special != null) {
            return special;
        }
        if (closedDays.contains(day) || (italianHolidays && ItalianHolidays.isHoliday(day))) {
            return List.of();
        }
        return week.getOrDefault(day.getDayOfWeek(), List.of());
    }

    public boolean isOpen(Instant when) {
        LocalDate day = when.atZone(zone).toLocalDate();
        for (Period period : periodsOn(day)) {
            if (!when.isBefore(period.start(day, zone)) && when.isBefore(period.end(day, zone))) {
                return true;
            }
        }
        return false;
    }

    /** The instant when {@code amount} of business time has passed since {@code start}. */
    public Instant plus(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("Business time cannot run backwards: " + amount);
        }
        Duration left = amount;
        LocalDate day = start.atZone(zone).toLocalDate();
        for (int i = 0; i < HORIZON_DAYS; i++, day = day.plusDays(1)) {
            for (Period period : periodsOn(day)) {
                Instant from = later(start, period.start(day, zone));
                Instant to = period.end(day, zone);
                if (!from.isBefore(to)) {
                    continue;
                }
                Duration available = Duration.between(from, to);
                if (left.compareTo(available) <= 0) {
                    return from.plus(left);
                }
                left = left.minus(available);
            }
        }
        throw new IllegalStateException("This calendar has no working time within " + HORIZON_DAYS + " days");
    }

    /** How much business time lies between two instants (zero when {@code to} is not after {@code from}). */
    public Duration between(Instant from, Instant to) {
        Duration total = Duration.ZERO;
        if (!to.isAfter(from)) {
            return total;
        }
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            for (Period period : periodsOn(day)) {
                Instant start = later(from, period.start(day, zone));
                Instant end = earlier(to, period.end(day, zone));
                if (start.isBefore(end)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    private static List<Period> ordered(List<Period> periods) {
        List<Period> sorted = new ArrayList<>(periods);
        sorted.sort(Comparator.comparing(Period::from));
        for (int i = 1; i < sorted.size(); i++) {
            Period before = sorted.get(i - 1);
            if (before.to() == null || before.to().isAfter(sorted.get(i).from())) {
                throw new IllegalArgumentException("Periods of one day overlap: " + before + " and " + sorted.get(i));
            }
        }
        return List.copyOf(sorted);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
