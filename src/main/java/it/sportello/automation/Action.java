package it.sportello.automation;

import it.sportello.shared.PlainText;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;

/**
 * One thing a rule does to a ticket. Which fields count depends on the type: {@code value} is the
 * priority, status, tags (comma list), note text, or whom to notify ({@code supervisors},
 * {@code assignee}, or user ids); {@code groupId}/{@code agentId} where to assign;
 * {@code textIt}/{@code textEn} the reply template; {@code url}/{@code secret} the webhook.
 */
public record Action(
        ActionType type,
        String value,
        Long groupId,
        Long agentId,
        String textIt,
        String textEn,
        String url,
        String secret) {

    public static Action of(ActionType type, String value) {
        return new Action(type, value, null, null, null, null, null, null);
    }

    public static Action reply(String textIt, String textEn) {
        return new Action(ActionType.REPLY, null, null, null, textIt, textEn, null, null);
    }

    public static Action assign(Long groupId, Long agentId) {
        return new Action(ActionType.ASSIGN, null, groupId, agentId, null, null, null, null);
    }

    public static Action webhook(String url, String secret) {
        return new Action(ActionType.WEBHOOK, null, null, null, null, null, url, secret);
    }

    /** The same action with its texts cleaned: one line for values and addresses, plain text for templates. */
    Action cleaned() {
        return new Action(
                type,
                type == ActionType.ADD_NOTE ? clean(value) : line(value),
                groupId,
                agentId,
                clean(textIt),
                clean(textEn),
                line(url),
                line(secret));
    }

    void validate(String field, Map<String, String> errors) {
        if (type == null) {
            errors.put(field + ".type", "must be one of the action types");
            return;
        }
        try {
            switch (type) {
                case ASSIGN -> {
                    if (groupId == null && agentId == null) {
                        errors.put(field + ".groupId", "a group or an agent (agentId) is needed");
                    }
                }
                case SET_PRIORITY -> it.sportello.ticket.Priority.fromCode(required(field, errors));
                case SET_STATUS -> {
                    var status = it.sportello.ticket.TicketStatus.fromCode(required(field, errors));
                    if (status == it.sportello.ticket.TicketStatus.NEW) {
                        errors.put(field + ".value", "a ticket cannot be set back to new");
                    }
                }
                case ADD_TAGS, REMOVE_TAGS, ADD_NOTE, NOTIFY -> required(field, errors);
                case REPLY -> {
                    if (blank(textIt) && blank(textEn)) {
                        errors.put(field + ".textIt", "a reply needs a text in Italian or English");
                    }
                }
                case WEBHOOK -> {
                    if (!isWebAddress(url)) {
                        errors.put(field + ".url", "must be an http or https address");
                    }
                    if (blank(secret) || secret.length() < 16) {
                        errors.put(field + ".secret", "must be at least 16 characters");
                    }
                }
            }
            if ((type == ActionType.ADD_TAGS || type == ActionType.REMOVE_TAGS) && !blank(value)) {
                for (String tag : value.split(",")) {
                    String t = Macros.tag(tag);
                    if (!t.isEmpty() && (t.length() > 50 || !t.matches("[\\p{L}\\p{N}_.:-]+"))) {
                        errors.put(field + ".value", "tags are letters, digits and _ . : - (at most 50 each)");
                    }
                }
            }
            if (type == ActionType.NOTIFY && !blank(value)) {
                for (String who : value.split(",")) {
                    String w = who.trim();
                    if (!w.equals("supervisors") && !w.equals("assignee") && !w.matches("\\d+")) {
                        errors.put(field + ".value", "supervisors, assignee or user ids");
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            errors.putIfAbsent(field + ".value", e.getMessage());
        }
    }

    /** An http(s) address with a host: nothing else (no file:, no jar:) is ever called. */
    static boolean isWebAddress(String url) {
        if (blank(url)) {
            return false;
        }
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private String required(String field, Map<String, String> errors) {
        if (blank(value)) {
            errors.put(field + ".value", "must not be blank");
            return "";
        }
        return value;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String line(String text) {
        return text == null ? null : PlainText.line(text);
    }

    private static String clean(String text) {
        return text == null ? null : PlainText.clean(text);
    }
}
