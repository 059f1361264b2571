package it.sportello.sla;

import it.sportello.identity.AuditLog;
import it.sportello.shared.ConflictException;
import it.sportello.shared.InvalidInputException;
import it.sportello.shared.NotFoundException;
import it.sportello.shared.PlainText;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The desk's stored business calendars: several may exist (phone desk, e-mail desk, chat), one is
 * the default that policies without a calendar of their own count on. Every change is audited.
 */
@Service
public class Calendars {

    private final ServiceCalendarRepository calendars;
    private final AuditLog audit;
    private final Clock clock;
    private final ServiceLevelSettings settings;

    /** Each stored calendar as time is counted on it, and which one is the default. */
    record CountingCalendars(Map<Long, BusinessCalendar> byId, Set<Long> aroundTheClock, Long defaultId) {

        static CountingCalendars of(List<ServiceCalendar> stored) {
            Map<Long, BusinessCalendar> byId = new HashMap<>();
            Set<Long> aroundTheClock = new HashSet<>();
            Long defaultId = null;
            for (ServiceCalendar calendar : stored) {
                byId.put(calendar.id().value(), calendar.calendar());
                if (calendar.definition().aroundTheClock()) {
                    aroundTheClock.add(calendar.id().value());
                }
                if (calendar.isDefault()) {
                    defaultId = calendar.id().value();
                }
            }
            return new CountingCalendars(Map.copyOf(byId), Set.copyOf(aroundTheClock), defaultId);
        }

        long requireDefault() {
            if (defaultId == null) {
                throw new IllegalStateException("No default business calendar is stored");
            }
            return defaultId;
        }

        /** Which calendar time is counted on: the one named if the desk still keeps it, else the default. */
        CalendarId countedOn(CalendarId id) {
            return id != null && byId.containsKey(id.value()) ? id : new CalendarId(requireDefault());
        }

        /** The business calendar named, or the default one when none is named or the named one is gone. */
        BusinessCalendar namedOrDefault(CalendarId id) {
            return byId.get(countedOn(id).value());
        }

        /** Whether the calendar time is counted on (see {@link #countedOn}) never closes. */
        boolean aroundTheClock(CalendarId id) {
            return aroundTheClock.contains(countedOn(id).value());
        }
    }

    Calendars(ServiceCalendarRepository calendars, AuditLog audit, Clock clock, ServiceLevelSettings settings) {
        this.calendars = calendars;
        this.audit = audit;
        this.clock = clock;
        this.settings = settings;
    }

    @Transactional(readOnly = true)
    public List<ServiceCalendar> all() {
        return calendars.findAllByOrderByNameAsc();
    }

    @Transactional(readOnly = true)
    public ServiceCalendar get(CalendarId id) {
        return calendars.findById(id.value()).orElseThrow(() -> new NotFoundException("Calendar", id.value()));
    }

    /** The calendar with this id, if the desk keeps one (none for a null id). */
    @Transactional(readOnly = true)
    public Optional<ServiceCalendar> find(CalendarId id) {
        return id == null ? Optional.empty() : calendars.findById(id.value());
    }

    /** The calendar named, or the default one when none is named or the named one is gone. */
    @Transactional(readOnly = true)
    public ServiceCalendar orDefault(CalendarId id) {
        return find(id).orElseGet(this::defaultCalendar);
    }

    /** The calendar business time is counted on when nothing names another. */
    @Transactional(readOnly = true)
    public ServiceCalendar defaultCalendar() {
        return calendars
                .findFirstByIsDefaultTrue()
                .orElseThrow(() -> new IllegalStateException("No default business calendar is stored"));
    }

    /**
     * The calendar to count with: the one named, or the default when {@code id} is null. Kept
     * between calls and read again only when a calendar has changed (tickets' clocks ask for one on
     * every ticket event).
     */
    public BusinessCalendar businessCalendar(CalendarId id) {
        CountingCalendars known = counting();
        if (id != null && !known.byId().containsKey(id.value())) {
            throw new NotFoundException("Calendar", id.value());
        }
        return known.namedOrDefault(id);
    }

    /**
     * Every calendar as time is counted on it, for a piece of work that needs several (a ticket's
     * clocks): read again only when a calendar has changed.
     */
    CountingCalendars counting() {
        return settings.current().calendars();
    }

    @Transactional
    public ServiceCalendar create(String name, CalendarDefinition definition) {
        String cleanName = requireName(name, null);
        requireValid(definition);
        ServiceCalendar calendar = calendars.save(new ServiceCalendar(cleanName, definition, Instant.now(clock)));
        audit.record("sla.calendar.create", "calendar:" + calendar.id().value(), cleanName);
        return calendar;
    }

    /** Replaces a calendar's name and definition; {@code expectedVersion}, when given, must still match. */
    @Transactional
    public ServiceCalendar update(CalendarId id, String name, CalendarDefinition definition, Long expectedVersion) {
        ServiceCalendar calendar = get(id);
        if (expectedVersion != null && expectedVersion != calendar.version()) {
            throw new ConflictException("Calendar " + id.value() + " has changed since version " + expectedVersion
                    + " (now " + calendar.version() + "); reload it and try again");
        }
        String cleanName = requireName(name, id);
        requireValid(definition);
        calendar.redefine(cleanName, definition, Instant.now(clock));
        audit.record("sla.calendar.update", "calendar:" + id.value(), cleanName);
        return calendars.saveAndFlush(calendar);
    }

    /** Makes this calendar the default one; the previous default stays as an ordinary calendar. */
    @Transactional
    public ServiceCalendar makeDefault(CalendarId id) {
        ServiceCalendar chosen = get(id);
        Instant now = Instant.now(clock);
        calendars.findFirstByIsDefaultTrue().filter(c -> !c.id().equals(id)).ifPresent(previous -> {
            previous.markDefault(false, now);
            calendars.saveAndFlush(previous);
        });
        chosen.markDefault(true, now);
        audit.record("sla.calendar.default", "calendar:" + id.value(), chosen.name());
        return calendars.saveAndFlush(chosen);
    }

    private String requireName(String name, CalendarId self) {
        String clean = name == null ? "" : PlainText.line(name);
        if (clean.isEmpty()) {
            throw new InvalidInputException("name", "must not be blank");
        }
        if (clean.length() > 100) {
            throw new InvalidInputException("name", "must be at most 100 characters");
        }
        calendars
                .findByNameIgnoreCase(clean)
                .filter(other -> self == null || !other.id().equals(self))
                .ifPresent(other -> {
                    throw new InvalidInputException("name", "another calendar is called \"" + clean + "\"");
                });
        return clean;
    }

    private static void requireValid(CalendarDefinition definition) {
        if (definition == null || definition.zone() == null) {
            throw new InvalidInputException("zone", "must name a time zone, e.g. Europe/Rome");
        }
        try {
            definition.toCalendar();
        } catch (DateTimeException e) {
            throw new InvalidInputException("zone", "unknown time zone \"" + definition.zone() + "\"");
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("week", e.getMessage());
        }
    }
}
