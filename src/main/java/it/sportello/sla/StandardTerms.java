package it.sportello.sla;

import it.sportello.ticket.Channel;
import it.sportello.ticket.Priority;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * A standard's terms as they read on the charter: everything a sentence in plain words needs, kept
 * whole in a published charter so later edits do not change what was published.
 */
public record StandardTerms(
        long id,
        String name,
        String description,
        StandardMeasure measure,
        String milestone,
        String startMilestone,
        long thresholdSeconds,
        boolean businessTime,
        String calendarName,
        List<Channel> channels,
        List<Priority> priorities,
        BigDecimal floor) {

    public StandardTerms {
        channels = channels == null ? List.of() : List.copyOf(channels);
        priorities = priorities == null ? List.of() : List.copyOf(priorities);
    }

    public Duration threshold() {
        return Duration.ofSeconds(thresholdSeconds);
    }

    /**
     * The standard in plain words, in the reader's language: "Il 95 % delle richieste via e-mail
     * riceve una prima risposta entro 8 ore lavorative."
     */
    public String sentence(MessageSource messages, Locale locale) {
        String share = messages.getMessage("standards.sentence.floor", new Object[] {floor.doubleValue()}, locale);
        String scope = scope(messages, locale);
        String within = describeThreshold(messages, locale);
        Object[] args = {share, scope, within, milestone, startMilestone};
        String key = switch (measure) {
            case FIRST_RESPONSE -> "standards.sentence.first_response";
            case RESOLUTION -> "standards.sentence.resolution";
            case CHAT_ANSWERED -> "standards.sentence.chat_answered";
            case MILESTONE ->
                startMilestone == null ? "standards.sentence.milestone" : "standards.sentence.milestone_from";
        };
        return messages.getMessage(key, args, locale);
    }

    /** "entro 8 ore lavorative", "within 2 minutes". */
    public String describeThreshold(MessageSource messages, Locale locale) {
        long seconds = thresholdSeconds;
        if (seconds % 60 != 0) {
            String kind = businessTime ? "business_seconds" : "seconds";
            return messages.getMessage("standards.promise." + kind, new Object[] {seconds}, locale);
        }
        return new ResponsePromise(threshold(), businessTime).describe(messages, locale);
    }

    private String scope(MessageSource messages, Locale locale) {
        StringBuilder scope = new StringBuilder();
        if (!channels.isEmpty() && measure != StandardMeasure.CHAT_ANSWERED) {
            scope.append(messages.getMessage(
                    "standards.sentence.channels",
                    new Object[] {
                        list(
                                channels.stream()
                                        .map(c -> messages.getMessage("standards.channel." + c.code(), null, locale))
                                        .toList(),
                                messages,
                                locale)
                    },
                    locale));
        }
        if (!priorities.isEmpty()) {
            scope.append(messages.getMessage(
                    "standards.sentence.priorities",
                    new Object[] {
                        list(
                                priorities.stream()
                                        .map(p -> messages.getMessage("standards.priority." + p.code(), null, locale))
                                        .toList(),
                                messages,
                                locale)
                    },
                    locale));
        }
        return scope.toString();
    }

    private static String list(List<String> items, MessageSource messages, Locale locale) {
        if (items.size() == 1) {
            return items.getFirst();
        }
        String or = messages.getMessage("standards.sentence.or", null, locale);
        return String.join(", ", items.subList(0, items.size() - 1)) + " " + or + " " + items.getLast();
    }
}
