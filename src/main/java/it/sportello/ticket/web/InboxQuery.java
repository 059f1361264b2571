package it.sportello.ticket.web;

import it.sportello.identity.CurrentUser;
import it.sportello.identity.GroupId;
import it.sportello.shared.EnumCodes;
import it.sportello.shared.PlainText;
import it.sportello.ticket.Channel;
import it.sportello.ticket.Priority;
import it.sportello.ticket.TicketOrder;
import it.sportello.ticket.TicketSearch;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What an agent is looking at in the inbox: a view, the filters, an order and a page. It lives in
 * the URL (so a view is bookmarkable and survives a reload) and, the last one used, in the session
 * (so "next ticket" knows where the agent came from). Values a URL cannot mean are dropped rather
 * than refused: an old bookmark still opens. Pages count from 1, as people do.
 */
record InboxQuery(
        InboxFolder folder,
        Channel channel,
        Priority priority,
        String tag,
        Long group,
        String text,
        TicketOrder order,
        int page)
        implements Serializable {

    static final int PAGE_SIZE = 25;
    private static final int MAX_TEXT = 200;
    private static final List<String> PARAMETERS =
            List.of("view", "channel", "priority", "tag", "group", "q", "sort", "page");

    static InboxQuery defaults() {
        return new InboxQuery(InboxFolder.DEFAULT, null, null, null, null, null, TicketOrder.UPDATED_NEWEST, 1);
    }

    /** Reads the query parameters of a request (other parameters, such as {@code lang}, are ignored). */
    static InboxQuery from(Map<String, String> parameters) {
        return parse(
                parameters.get("view"),
                parameters.get("channel"),
                parameters.get("priority"),
                parameters.get("tag"),
                parameters.get("group"),
                parameters.get("q"),
                parameters.get("sort"),
                parameters.get("page"));
    }

    /** Whether the parameters say anything about the inbox list at all. */
    static boolean mentionedIn(Map<String, String> parameters) {
        return PARAMETERS.stream().anyMatch(parameters::containsKey);
    }

    /** Reads the query parameters as a browser sends them, keeping what makes sense. */
    private static InboxQuery parse(
            String view,
            String channel,
            String priority,
            String tag,
            String group,
            String q,
            String sort,
            String page) {
        return new InboxQuery(
                InboxFolder.fromCode(view).orElse(InboxFolder.DEFAULT),
                lenient(Channel.class, channel),
                lenient(Priority.class, priority),
                tag(tag),
                number(group),
                text(q),
                sort == null || sort.isBlank() ? TicketOrder.UPDATED_NEWEST : orderOrDefault(sort),
                page == null || !page.strip().matches("\\d{1,6}") ? 1 : Math.max(1, Integer.parseInt(page.strip())));
    }

    /** The search behind the list, for {@code user} (whom "mine" means) at {@code now}. */
    TicketSearch search(CurrentUser user, Instant now) {
        return searchIn(folder, user, now);
    }

    /** The same filters applied to another view: what the view counts show. */
    TicketSearch searchIn(InboxFolder other, CurrentUser user, Instant now) {
        return new TicketSearch(
                other.statuses(),
                other.onlyMine() ? user.id() : null,
                other.onlyUnassigned(),
                channel,
                tag,
                null,
                group == null ? null : new GroupId(group),
                priority,
                null,
                text,
                other.solvedSince(now));
    }

    /** Whether any filter narrows the view (the empty state then says so, and offers to clear them). */
    public boolean filtered() {
        return channel != null || priority != null || tag != null || group != null || text != null;
    }

    int offset() {
        return (page - 1) * PAGE_SIZE;
    }

    InboxQuery inFolder(InboxFolder other) {
        return new InboxQuery(other, channel, priority, tag, group, text, order, 1);
    }

    InboxQuery onPage(int number) {
        return new InboxQuery(folder, channel, priority, tag, group, text, order, Math.max(1, number));
    }

    /** The filters without the text search (see {@code InboxListing#counts}). */
    InboxQuery withoutText() {
        return new InboxQuery(folder, channel, priority, tag, group, null, order, page);
    }

    InboxQuery unfiltered() {
        return new InboxQuery(folder, null, null, null, null, null, order, 1);
    }

    /** The inbox address that shows this query; defaults are left out, so addresses stay short. */
    public String href() {
        return address("/inbox", parameters());
    }

    /** The query as request parameters, defaults left out (for links and the bulk form's hidden fields). */
    public Map<String, Object> parameters() {
        Map<String, Object> parameters = filters();
        parameters.put("q", text);
        parameters.put("sort", order == TicketOrder.UPDATED_NEWEST ? null : order.code());
        parameters.put("page", page > 1 ? page : null);
        parameters.values().removeIf(java.util.Objects::isNull);
        return parameters;
    }

    /** The address of the same filters with none of them: the view alone. */
    public String unfilteredHref() {
        return unfiltered().href();
    }

    /** The view counts for the same filters (the text aside: counts leave it out, see the controller). */
    public String countsHref() {
        return address("/inbox/counts", filters());
    }

    private Map<String, Object> filters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("view", folder.code());
        parameters.put("channel", channel == null ? null : EnumCodes.code(channel));
        parameters.put("priority", priority == null ? null : EnumCodes.code(priority));
        parameters.put("tag", tag);
        parameters.put("group", group);
        return parameters;
    }

    private static String address(String path, Map<String, Object> parameters) {
        StringJoiner query = new StringJoiner("&", path + "?", "");
        parameters.forEach((name, value) -> {
            if (value != null) {
                query.add(name + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }

    private static <E extends Enum<E>> E lenient(Class<E> type, String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        try {
            return EnumCodes.parse(type, code.strip().replace('-', '_'), type.getSimpleName());
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static TicketOrder orderOrDefault(String code) {
        TicketOrder order = lenient(TicketOrder.class, code);
        return order == null ? TicketOrder.UPDATED_NEWEST : order;
    }

    private static String tag(String tag) {
        String clean =
                tag == null ? "" : PlainText.line(tag).toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
        return clean.isEmpty() || clean.length() > 50 ? null : clean;
    }

    private static String text(String q) {
        String clean = q == null ? "" : PlainText.line(q);
        if (clean.isEmpty()) {
            return null;
        }
        return clean.length() > MAX_TEXT ? clean.substring(0, MAX_TEXT) : clean;
    }

    private static Long number(String value) {
        return value == null || !value.strip().matches("\\d{1,18}") ? null : Long.valueOf(value.strip());
    }
}
