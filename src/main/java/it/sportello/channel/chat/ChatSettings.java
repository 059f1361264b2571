package it.sportello.channel.chat;

import it.sportello.shared.SupportedLocale;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * How the widget looks and when the desk takes chats: on a business calendar of the desk
 * ({@code calendarId}, holidays included), or, when that is null, on the chat's own weekly hours
 * ({@code openTo} null means until midnight). Outside these hours, as when no agent is available, a
 * visitor who wants a person is offered to leave a message instead.
 */
public record ChatSettings(
        boolean enabled,
        String colour,
        String position,
        String greetingIt,
        String greetingEn,
        boolean requireContact,
        Set<DayOfWeek> openDays,
        LocalTime openFrom,
        LocalTime openTo,
        Long calendarId,
        long version) {

    public String greeting(SupportedLocale locale) {
        return locale == SupportedLocale.EN ? greetingEn : greetingIt;
    }

    /** Within the chat's own weekly hours (what counts when no calendar is chosen). */
    public boolean openAt(ZonedDateTime when) {
        if (!openDays.contains(when.getDayOfWeek())) {
            return false;
        }
        LocalTime time = when.toLocalTime();
        return !time.isBefore(openFrom) && (openTo == null || time.isBefore(openTo));
    }
}
