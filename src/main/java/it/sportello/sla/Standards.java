package it.sportello.sla;

import it.sportello.identity.AuditLog;
import it.sportello.identity.CurrentUser;
import it.sportello.shared.ConflictException;
import it.sportello.shared.InvalidInputException;
import it.sportello.shared.NotFoundException;
import it.sportello.shared.PlainText;
import it.sportello.ticket.Channel;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The desk's service standards: supervisors write them, check them against the figures, and
 * publish them as the charter the team reads. Every change is audited; a draft is refused whole,
 * with every failing field named, and a save over someone else's newer version is a conflict.
 */
@Service
public class Standards {

    /** A milestone's name: a word or a few, lower case ("consegna", "reso ricevuto"). */
    static final Pattern MILESTONE_NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _-]{0,59}");

    static final Duration LONGEST_THRESHOLD = Duration.ofDays(366);

    private final StandardRepository standards;
    private final StandardCharterRepository charters;
    private final Calendars calendars;
    private final AuditLog audit;
    private final Clock clock;

    Standards(
            StandardRepository standards,
            StandardCharterRepository charters,
            Calendars calendars,
            AuditLog audit,
            Clock clock) {
        this.standards = standards;
        this.charters = charters;
        this.calendars = calendars;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Standard> all() {
        return standards.findAllByOrderByIdAsc();
    }

    @Transactional(readOnly = true)
    public List<Standard> active() {
        return standards.findByActiveTrueOrderByIdAsc();
    }

    @Transactional(readOnly = true)
    public Standard get(StandardId id) {
        return standards.findById(id.value()).orElseThrow(() -> new NotFoundException("Standard", id.value()));
    }

    @Transactional
    public Standard create(StandardDraft draft) {
        StandardDraft clean = validated(draft, null);
        Standard standard = standards.saveAndFlush(new Standard(clean, Instant.now(clock)));
        audit.record("sla.standard.create", "standard:" + standard.id().value(), summary(standard));
        return standard;
    }

    /** Replaces a standard's terms; {@code expectedVersion} must still be the stored one. */
    @Transactional
    public Standard update(StandardId id, StandardDraft draft, long expectedVersion) {
        Standard standard = get(id);
        requireVersion(standard, expectedVersion);
        StandardDraft clean = validated(draft, id);
        standard.revise(clean, Instant.now(clock));
        Standard saved = standards.saveAndFlush(standard);
        audit.record("sla.standard.update", "standard:" + id.value(), summary(saved));
        return saved;
    }

    /** Removes a standard; published charters keep it as it was. */
    @Transactional
    public void delete(StandardId id, Long expectedVersion) {
        Standard standard = get(id);
        if (expectedVersion != null) {
            requireVersion(standard, expectedVersion);
        }
        standards.delete(standard);
        audit.record("sla.standard.delete", "standard:" + id.value(), standard.name());
    }

    /** The terms of every active standard as they read now: what publishing would publish. */
    @Transactional(readOnly = true)
    public List<StandardTerms> draftCharter() {
        return terms(active());
    }

    /** The terms of these standards as the charter would show them, with their calendars' names. */
    @Transactional(readOnly = true)
    public List<StandardTerms> terms(List<Standard> some) {
        Map<Long, String> calendarNames = new LinkedHashMap<>();
        calendars.all().forEach(c -> calendarNames.put(c.id().value(), c.name()));
        String defaultName = calendars.defaultCalendar().name();
        return some.stream()
                .map(s -> s.terms(
                        s.calendarId() == null
                                ? defaultName
                                : calendarNames.getOrDefault(s.calendarId().value(), defaultName)))
                .toList();
    }

    /** Publishes the active standards as the next charter, by {@code publisher}. */
    @Transactional
    public StandardCharter publish(CurrentUser publisher) {
        List<StandardTerms> terms = draftCharter();
        if (terms.isEmpty()) {
            throw new ConflictException("There is no active standard to publish");
        }
        long number =
                charters.findFirstByOrderByIdDesc().map(StandardCharter::number).orElse(0L) + 1;
        StandardCharter charter;
        try {
            charter = charters.saveAndFlush(
                    new StandardCharter(number, Instant.now(clock), publisher.id(), publisher.displayName(), terms));
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("Someone else published the charter at the same moment; reload and try again");
        }
        audit.record("sla.standard.publish", "charter:" + number, terms.size() + " standards");
        return charter;
    }

    /** The charter the team reads: the latest published one. */
    @Transactional(readOnly = true)
    public Optional<StandardCharter> publishedCharter() {
        return charters.findFirstByOrderByIdDesc();
    }

    private static void requireVersion(Standard standard, long expectedVersion) {
        if (expectedVersion != standard.version()) {
            throw new ConflictException("Standard " + standard.id().value() + " has changed since version "
                    + expectedVersion + " (now " + standard.version() + "); reload it and try again");
        }
    }

    /**
     * Checks a draft without saving it and fails with every failing field at once, together with
     * {@code alreadyFound} (fields a caller could not even read): so a form or a request hears of all
     * its mistakes in one answer.
     */
    @Transactional(readOnly = true)
    public void check(StandardDraft draft, StandardId self, Map<String, String> alreadyFound) {
        Map<String, String> errors = new LinkedHashMap<>(alreadyFound);
        try {
            validated(draft, self);
        } catch (InvalidInputException e) {
            e.fieldErrors().forEach(errors::putIfAbsent);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** The draft cleaned (plain text, a lower-case milestone), or every failing field at once. */
    StandardDraft validated(StandardDraft draft, StandardId self) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = draft.name() == null ? "" : PlainText.line(draft.name());
        if (name.isEmpty()) {
            errors.put("name", "must not be blank");
        } else if (name.length() > 120) {
            errors.put("name", "must be at most 120 characters");
        } else {
            standards
                    .findByNameIgnoreCase(name)
                    .filter(other -> self == null || !other.id().equals(self))
                    .ifPresent(other -> errors.put("name", "another standard is called \"" + name + "\""));
        }
        String description = draft.description() == null
                ? ""
                : PlainText.clean(draft.description()).strip();
        if (description.length() > 1000) {
            errors.put("description", "must be at most 1000 characters");
        }
        if (draft.measure() == null) {
            errors.put("measure", "must be one of first_response, resolution, chat_answered, milestone");
        }
        String milestone = milestoneName(draft.milestone());
        String startMilestone = milestoneName(draft.startMilestone());
        if (draft.measure() == StandardMeasure.MILESTONE) {
            if (milestone == null) {
                errors.put("milestone", "must name the milestone to reach, e.g. consegna");
            } else if (!MILESTONE_NAME.matcher(milestone).matches()) {
                errors.put("milestone", "letters, digits, spaces, - and _ only, at most 60");
            }
            if (startMilestone != null
                    && !MILESTONE_NAME.matcher(startMilestone).matches()) {
                errors.put("startMilestone", "letters, digits, spaces, - and _ only, at most 60");
            } else if (startMilestone != null && startMilestone.equals(milestone)) {
                errors.put("startMilestone", "must differ from the milestone it measures to");
            }
        }
        Duration threshold = draft.threshold();
        if (threshold == null || threshold.isNegative() || threshold.isZero()) {
            errors.put("threshold", "must be a positive duration, e.g. PT8H or P3D");
        } else if (threshold.compareTo(LONGEST_THRESHOLD) > 0) {
            errors.put("threshold", "must be at most 366 days");
        } else if (threshold.getNano() != 0) {
            errors.put("threshold", "must be whole seconds");
        }
        if (draft.businessTime() && draft.calendarId() != null) {
            try {
                calendars.get(draft.calendarId());
            } catch (NotFoundException e) {
                errors.put("calendarId", "no calendar " + draft.calendarId().value());
            }
        }
        Set<Channel> channels = draft.channels();
        if (draft.measure() == StandardMeasure.CHAT_ANSWERED) {
            if (!channels.isEmpty() && !channels.equals(Set.of(Channel.CHAT))) {
                errors.put("channels", "a chat standard covers the chat channel only");
            }
            channels = Set.of(Channel.CHAT);
        }
        BigDecimal floor = draft.floor();
        if (floor == null
                || floor.signum() <= 0
                || floor.compareTo(BigDecimal.valueOf(100)) > 0
                || floor.stripTrailingZeros().scale() > 1) {
            errors.put("floor", "must be a percentage above 0 and at most 100, with at most one decimal");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new StandardDraft(
                name,
                description,
                draft.measure(),
                milestone,
                startMilestone,
                threshold,
                draft.businessTime(),
                draft.businessTime() ? draft.calendarId() : null,
                channels,
                draft.priorities(),
                floor.setScale(1, java.math.RoundingMode.UNNECESSARY),
                draft.active());
    }

    /** A milestone name as stored: one line, lower case; null when blank. */
    static String milestoneName(String name) {
        if (name == null) {
            return null;
        }
        String clean = PlainText.line(name).toLowerCase(Locale.ROOT);
        return clean.isEmpty() ? null : clean;
    }

    private static String summary(Standard s) {
        return s.name() + " (" + s.measure().code() + ", " + s.threshold() + (s.businessTime() ? " business" : "")
                + ", floor " + s.floor().toPlainString() + " %, " + (s.active() ? "active" : "inactive") + ")";
    }
}
