package it.sportello.automation;

import it.sportello.sla.CalendarId;
import it.sportello.sla.Calendars;
import it.sportello.ticket.Channel;
import it.sportello.ticket.Priority;
import it.sportello.ticket.TicketStatus;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Decides whether a ticket passes a rule's conditions: all of them, or at least one when the rule says "any". */
@Component
class ConditionCheck {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private final Calendars calendars;

    ConditionCheck(Calendars calendars) {
        this.calendars = calendars;
    }

    boolean passes(List<Condition> conditions, boolean matchAny, TicketFacts facts) {
        if (conditions.isEmpty()) {
            return true;
        }
        return matchAny
                ? conditions.stream().anyMatch(c -> holds(c, facts))
                : conditions.stream().allMatch(c -> holds(c, facts));
    }

    boolean holds(Condition condition, TicketFacts facts) {
        List<String> values = condition.values();
        return switch (condition.kind()) {
            case CHANNEL_IS ->
                values.stream()
                        .map(Channel::fromCode)
                        .anyMatch(c -> c == facts.ticket().channel());
            case PRIORITY_IS ->
                values.stream()
                        .map(Priority::fromCode)
                        .anyMatch(p -> p == facts.ticket().priority());
            case STATUS_IS ->
                values.stream()
                        .map(TicketStatus::fromCode)
                        .anyMatch(s -> s == facts.ticket().status());
            case TAGS_CONTAIN -> values.stream().anyMatch(tag -> hasTag(facts, tag));
            case TAGS_DONT_CONTAIN -> values.stream().noneMatch(tag -> hasTag(facts, tag));
            case TEXT_CONTAINS -> {
                String haystack = fold(facts.ticket().subject() + "\n" + facts.messageText());
                yield haystack.contains(fold(condition.value()));
            }
            case EMAIL_DOMAIN_IS ->
                values.stream()
                        .map(d -> d.toLowerCase(Locale.ROOT).replaceFirst("^@", ""))
                        .anyMatch(d -> d.equals(facts.emailDomain()));
            case ORGANISATION_IS -> values.stream().anyMatch(o -> fold(o).equals(fold(facts.organisation())));
            case LANGUAGE_IS ->
                values.stream()
                        .anyMatch(l ->
                                l.equalsIgnoreCase(facts.customer().locale().code()));
            case INSIDE_BUSINESS_HOURS -> open(values, facts);
            case OUTSIDE_BUSINESS_HOURS -> !open(values, facts);
        };
    }

    private boolean open(List<String> values, TicketFacts facts) {
        CalendarId calendar = values.isEmpty() ? null : new CalendarId(Long.parseLong(values.getFirst()));
        return calendars.businessCalendar(calendar).isOpen(facts.at());
    }

    private static boolean hasTag(TicketFacts facts, String tag) {
        String wanted = fold(tag);
        return facts.ticket().tags().stream().anyMatch(t -> fold(t).equals(wanted));
    }

    /** Lower case without accents, so "Perché" is found by "perche". */
    static String fold(String text) {
        String decomposed = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT).trim();
    }
}
