package it.sportello.channel.chat;

import it.sportello.identity.AuditLog;
import it.sportello.shared.ConflictException;
import it.sportello.shared.InvalidInputException;
import it.sportello.shared.PlainText;
import it.sportello.sla.CalendarId;
import it.sportello.sla.Calendars;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The chat's settings (one row), read and changed by admins; and whether the desk is open now. */
@Service
public class ChatSetup {

    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final int MAX_GREETING = 500;

    private final JdbcTemplate jdbc;
    private final Calendars calendars;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;

    ChatSetup(
            JdbcTemplate jdbc,
            Calendars calendars,
            AuditLog audit,
            Clock clock,
            @Value("${sportello.time-zone:Europe/Rome}") ZoneId zone) {
        this.jdbc = jdbc;
        this.calendars = calendars;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
    }

    @Transactional(readOnly = true)
    public ChatSettings current() {
        return jdbc.queryForObject(
                "select enabled, colour, position, greeting_it, greeting_en, require_contact, open_days, open_from,"
                        + " open_to, calendar_id, version from chat_settings where id = 1",
                (rs, row) -> new ChatSettings(
                        rs.getBoolean("enabled"),
                        rs.getString("colour"),
                        rs.getString("position"),
                        rs.getString("greeting_it"),
                        rs.getString("greeting_en"),
                        rs.getBoolean("require_contact"),
                        days(rs.getString("open_days")),
                        LocalTime.parse(rs.getString("open_from")),
                        rs.getString("open_to").equals("24:00") ? null : LocalTime.parse(rs.getString("open_to")),
                        rs.getObject("calendar_id", Long.class),
                        rs.getLong("version")));
    }

    /** Within the chat's hours now (whether anyone is available is {@link ChatAgents}'s question). */
    public boolean withinHours() {
        ChatSettings settings = current();
        if (!settings.enabled()) {
            return false;
        }
        return settings.calendarId() == null
                ? settings.openAt(clock.instant().atZone(zone))
                : calendars
                        .businessCalendar(new CalendarId(settings.calendarId()))
                        .isOpen(clock.instant());
    }

    /** Saves new settings if nobody saved others since {@code changes.version()} was read. */
    @Transactional
    public ChatSettings save(ChatSettings changes) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (changes.colour() == null || !COLOUR.matcher(changes.colour()).matches()) {
            errors.put("colour", "a colour as #rrggbb");
        }
        if (!"left".equals(changes.position()) && !"right".equals(changes.position())) {
            errors.put("position", "left or right");
        }
        String greetingIt = PlainText.line(changes.greetingIt());
        String greetingEn = PlainText.line(changes.greetingEn());
        if (greetingIt.isEmpty() || greetingIt.length() > MAX_GREETING) {
            errors.put("greetingIt", "from 1 to " + MAX_GREETING + " characters");
        }
        if (greetingEn.isEmpty() || greetingEn.length() > MAX_GREETING) {
            errors.put("greetingEn", "from 1 to " + MAX_GREETING + " characters");
        }
        if (changes.openDays() == null || changes.openDays().isEmpty()) {
            errors.put("openDays", "at least one day");
        }
        if (changes.openFrom() == null) {
            errors.put("openFrom", "a time");
        } else if (changes.openTo() != null && !changes.openTo().isAfter(changes.openFrom())) {
            errors.put("openTo", "after the opening time");
        }
        if (changes.calendarId() != null
                && calendars.find(new CalendarId(changes.calendarId())).isEmpty()) {
            errors.put("calendarId", "a calendar of the desk, or none for the weekly hours");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        int updated = jdbc.update(
                "update chat_settings set enabled = ?, colour = ?, position = ?, greeting_it = ?, greeting_en = ?,"
                        + " require_contact = ?, open_days = ?, open_from = ?, open_to = ?, calendar_id = ?,"
                        + " version = version + 1"
                        + " where id = 1 and version = ?",
                changes.enabled(),
                changes.colour().toLowerCase(java.util.Locale.ROOT),
                changes.position(),
                greetingIt,
                greetingEn,
                changes.requireContact(),
                changes.openDays().stream()
                        .sorted()
                        .map(day -> day.name().substring(0, 3))
                        .collect(Collectors.joining(",")),
                changes.openFrom().toString(),
                changes.openTo() == null ? "24:00" : changes.openTo().toString(),
                changes.calendarId(),
                changes.version());
        if (updated == 0) {
            throw new ConflictException("The chat settings were changed by someone else meanwhile; reload them");
        }
        audit.record(
                "chat.settings.update",
                "chat-settings",
                "enabled=" + changes.enabled() + ", hours=" + changes.openFrom() + "-"
                        + (changes.openTo() == null ? "24:00" : changes.openTo())
                        + (changes.calendarId() == null ? "" : ", calendar=" + changes.calendarId()));
        return current();
    }

    private static Set<DayOfWeek> days(String codes) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        Arrays.stream(codes.split(",")).filter(s -> !s.isBlank()).forEach(day -> days.add(dayOf(day.trim())));
        return days;
    }

    private static DayOfWeek dayOf(String code) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().startsWith(code)) {
                return day;
            }
        }
        throw new IllegalStateException("Not a day in chat_settings.open_days: " + code);
    }
}
