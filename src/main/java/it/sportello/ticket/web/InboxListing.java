package it.sportello.ticket.web;

import it.sportello.identity.AgentGroup;
import it.sportello.identity.CurrentUser;
import it.sportello.identity.GroupId;
import it.sportello.identity.User;
import it.sportello.identity.UserManagement;
import it.sportello.ticket.Ticket;
import it.sportello.ticket.TicketManagement;
import it.sportello.ticket.TicketSearch;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;

/** Reads what the inbox shows: a page of a view, the counts of all views, and the next ticket to work. */
@Component
class InboxListing {

    private final TicketManagement tickets;
    private final TicketViews views;
    private final UserManagement users;
    private final Clock clock;

    InboxListing(TicketManagement tickets, TicketViews views, UserManagement users, Clock clock) {
        this.tickets = tickets;
        this.views = views;
        this.users = users;
        this.clock = clock;
    }

    /** The page the query asks for; past the end, the last page there is (a bulk change may have emptied it). */
    InboxList list(InboxQuery query, CurrentUser user) {
        Page<Ticket> found = page(query, user);
        if (found.getContent().isEmpty() && query.page() > 1 && found.getTotalElements() > 0) {
            query = query.onPage(new InboxList(query, List.of(), found.getTotalElements()).pages());
            found = page(query, user);
        }
        Map<GroupId, String> groupNames = groups().stream().collect(Collectors.toMap(AgentGroup::id, AgentGroup::name));
        List<TicketView> named = views.summaries(found.getContent());
        List<InboxRow> rows = new ArrayList<>();
        for (int i = 0; i < named.size(); i++) {
            Ticket ticket = found.getContent().get(i);
            rows.add(InboxRow.of(
                    ticket, named.get(i), ticket.group().map(groupNames::get).orElse(null)));
        }
        return new InboxList(query, rows, found.getTotalElements());
    }

    /**
     * How many tickets each view holds under the query's filters. The text search is left out: it
     * reads every message body, and six such scans every few seconds per agent would cost more than
     * the hint is worth. The list itself says how many tickets match the text.
     */
    List<InboxCount> counts(InboxQuery query, CurrentUser user) {
        return counts(query, user, null);
    }

    /**
     * The counts beside a list just read: without a text search the list's total is the count of
     * its own view, so that one is not counted again (the biggest view, "open", costs the most).
     */
    List<InboxCount> counts(InboxList list, CurrentUser user) {
        return counts(list.query(), user, list.query().text() == null ? list.total() : null);
    }

    private List<InboxCount> counts(InboxQuery query, CurrentUser user, Long current) {
        InboxQuery filters = query.withoutText();
        Instant now = Instant.now(clock);
        List<InboxFolder> folders = Arrays.stream(InboxFolder.values())
                .filter(f -> current == null || f != query.folder())
                .toList();
        List<TicketSearch> searches =
                folders.stream().map(f -> filters.searchIn(f, user, now)).toList();
        List<Long> counts = tickets.count(searches, user);
        List<InboxCount> result = new ArrayList<>();
        int next = 0;
        for (InboxFolder folder : InboxFolder.values()) {
            boolean shown = folder == query.folder();
            long count = shown && current != null ? current : counts.get(next++);
            result.add(new InboxCount(folder, count, query.inFolder(folder).href(), shown));
        }
        return result;
    }

    /**
     * The ticket to work after {@code after}, following the list the agent last saw: first those
     * that came after it there and are still in the view (in the order the agent saw them, even if
     * a reply has since moved one up), then what else the view now holds that the agent had not
     * passed, then the next page. The trail moves on only when the next page does.
     */
    Next next(long after, InboxTrail trail, CurrentUser user) {
        InboxList fresh = list(trail.query(), user);
        List<Long> now = fresh.ids();
        Set<Long> passed = trail.upTo(after);
        Optional<Long> next = trail.after(after).stream().filter(now::contains).findFirst();
        if (next.isEmpty()) {
            next = now.stream().filter(id -> !passed.contains(id)).findFirst();
        }
        if (next.isEmpty() && fresh.hasNext()) {
            InboxList following = list(fresh.query().onPage(fresh.query().page() + 1), user);
            return new Next(
                    following.ids().stream().filter(id -> !passed.contains(id)).findFirst(),
                    new InboxTrail(following.query(), following.ids()));
        }
        return new Next(next, trail);
    }

    /** The ticket to go to, if any, and the list it was found in. */
    record Next(Optional<Long> ticket, InboxTrail trail) {}

    List<AgentGroup> groups() {
        return users.groups();
    }

    /** Everyone tickets can be given to: active staff, by name. */
    List<User> agents() {
        return users.activeStaff();
    }

    private Page<Ticket> page(InboxQuery query, CurrentUser user) {
        return tickets.search(
                query.search(user, Instant.now(clock)), query.order(), user, query.page() - 1, InboxQuery.PAGE_SIZE);
    }
}
