package it.sportello.ticket.web;

import it.sportello.customer.Customer;
import it.sportello.customer.CustomerId;
import it.sportello.customer.CustomerManagement;
import it.sportello.customer.IdentityKind;
import it.sportello.customer.Organisation;
import it.sportello.identity.AgentGroup;
import it.sportello.identity.CurrentUser;
import it.sportello.identity.Role;
import it.sportello.identity.User;
import it.sportello.identity.UserId;
import it.sportello.identity.UserManagement;
import it.sportello.shared.SafeHtml;
import it.sportello.ticket.Attachment;
import it.sportello.ticket.Message;
import it.sportello.ticket.Ticket;
import it.sportello.ticket.TicketActivity;
import it.sportello.ticket.TicketId;
import it.sportello.ticket.TicketManagement;
import it.sportello.ticket.TicketManagement.TicketDetails;
import it.sportello.ticket.TicketStatus;
import it.sportello.ticket.web.TicketPageView.Choice;
import it.sportello.ticket.web.TicketPageView.CustomerPanel;
import it.sportello.ticket.web.TicketPageView.Entry;
import it.sportello.ticket.web.TicketPageView.OtherTicket;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/**
 * Builds the ticket page's view: one timeline of messages and activity in time order, the names of
 * everyone in it (one query per kind), the customer panel and the properties' choices. Activity
 * lines are written here, in the language of the request being answered.
 */
@Component
class TicketPageViews {

    /** How many of the customer's other tickets the sidebar lists. */
    static final int OTHER_TICKETS = 10;

    private static final int STAFF_PAGE = 500;

    private final TicketManagement tickets;
    private final CustomerManagement customers;
    private final UserManagement users;
    private final MessageSource messages;

    TicketPageViews(
            TicketManagement tickets, CustomerManagement customers, UserManagement users, MessageSource messages) {
        this.tickets = tickets;
        this.customers = customers;
        this.users = users;
        this.messages = messages;
    }

    /** The whole page. */
    TicketPageView page(TicketId id, CurrentUser viewer) {
        return build(tickets.details(id, viewer), viewer, true);
    }

    /** Only what the live timeline needs: the ticket's header and its timeline, no sidebar. */
    TicketPageView timeline(TicketId id, CurrentUser viewer) {
        return build(tickets.details(id, viewer), viewer, false);
    }

    private TicketPageView build(TicketDetails details, CurrentUser viewer, boolean withSidebar) {
        Ticket ticket = details.ticket();
        List<AgentGroup> groups = users.groups();
        Map<Long, String> groupNames = groups.stream()
                .collect(Collectors.toMap(g -> g.id().value(), AgentGroup::name, (a, b) -> a, LinkedHashMap::new));
        Map<UserId, User> people = users.findAll(mentionedUsers(details));
        Map<CustomerId, Customer> authors = customers.findAll(mentionedCustomers(details));

        List<Entry> timeline = new ArrayList<>();
        for (Message message : details.messages()) {
            timeline.add(entry(
                    message, details.attachments().getOrDefault(message.messageId(), List.of()), people, authors));
        }
        for (TicketActivity activity : inCausalOrder(details.activity())) {
            timeline.add(new Entry(
                    "activity",
                    null,
                    null,
                    null,
                    null,
                    null,
                    sentence(activity, people, groupNames),
                    activity.occurredAt(),
                    List.of()));
        }
        // Stable: a message and the status change it caused share an instant; the message reads first.
        timeline.sort(Comparator.comparing(Entry::at));

        CustomerPanel customer = withSidebar ? customerPanel(ticket, viewer) : null;
        List<Choice> agents = withSidebar ? agents(ticket, people) : List.of();
        List<Choice> groupChoices = withSidebar
                ? groups.stream().map(g -> new Choice(g.id().value(), g.name())).toList()
                : List.of();
        return new TicketPageView(
                ticket.id().value(),
                ticket.subject(),
                ticket.status(),
                ticket.priority(),
                ticket.channel(),
                ticket.mergedInto().map(TicketId::value).orElse(null),
                ticket.version(),
                ticket.createdAt(),
                ticket.updatedAt(),
                ticket.assignee().map(UserId::value).orElse(null),
                ticket.assignee().map(u -> userName(people, u)).orElse(null),
                ticket.group().map(g -> g.value()).orElse(null),
                ticket.group().map(g -> groupNames.get(g.value())).orElse(null),
                List.copyOf(ticket.tags()),
                timeline,
                customer,
                statusChoices(ticket.status()),
                agents,
                groupChoices);
    }

    /**
     * The activity in the order it happened. Lines are written by asynchronous listeners, so two
     * status changes of one instant (a reply that opened a new ticket and set it pending) may be
     * stored in either order; within an instant, each status change follows the one it came from.
     */
    private static List<TicketActivity> inCausalOrder(List<TicketActivity> activity) {
        Map<java.time.Instant, List<TicketActivity>> byInstant = new LinkedHashMap<>();
        activity.forEach(a -> byInstant
                .computeIfAbsent(a.occurredAt(), at -> new ArrayList<>())
                .add(a));
        List<TicketActivity> ordered = new ArrayList<>();
        for (List<TicketActivity> same : byInstant.values()) {
            List<TicketActivity> pending = new ArrayList<>(same);
            String state = null;
            while (!pending.isEmpty()) {
                TicketActivity next = nextInChain(pending, state).orElse(pending.getFirst());
                pending.remove(next);
                ordered.add(next);
                if (statusTo(next) != null) {
                    state = statusTo(next);
                }
            }
        }
        return ordered;
    }

    /** The status change that leaves {@code state}; with no state yet, one that no other change leads to. */
    private static java.util.Optional<TicketActivity> nextInChain(List<TicketActivity> pending, String state) {
        return pending.stream()
                .filter(a -> statusFrom(a) != null)
                .filter(a -> state != null
                        ? state.equals(statusFrom(a))
                        : pending.stream().noneMatch(other -> statusFrom(a).equals(statusTo(other))))
                .findFirst();
    }

    private static String statusFrom(TicketActivity a) {
        String[] fromTo = statusChange(a);
        return fromTo == null ? null : fromTo[0];
    }

    private static String statusTo(TicketActivity a) {
        String[] fromTo = statusChange(a);
        return fromTo == null ? null : fromTo[1];
    }

    private static String[] statusChange(TicketActivity a) {
        if (!"status_changed".equals(a.kind()) || a.detail() == null) {
            return null;
        }
        String[] fromTo = a.detail().split(" -> ");
        return fromTo.length == 2 ? fromTo : null;
    }

    /** The current status first, then those a person may move it to. */
    static List<TicketStatus> statusChoices(TicketStatus current) {
        List<TicketStatus> choices = new ArrayList<>();
        for (TicketStatus status : TicketStatus.values()) {
            if (status == current || current.canMoveTo(status)) {
                choices.add(status);
            }
        }
        return choices;
    }

    private Entry entry(
            Message m, List<Attachment> files, Map<UserId, User> people, Map<CustomerId, Customer> authors) {
        String kind = m.internal() ? "note" : m.authorCustomer().isPresent() ? "customer" : "reply";
        String author = m.authorCustomer()
                .map(c -> authors.containsKey(c) ? authors.get(c).name() : text("workspace.author.customer"))
                .or(() -> m.authorUser().map(u -> userName(people, u)))
                .orElseGet(() -> text("workspace.author.system"));
        List<TicketPageView.File> attachments = files.stream()
                .map(a -> new TicketPageView.File(a.id(), a.fileName(), a.contentType(), size(a.size())))
                .toList();
        return new Entry(
                kind,
                m.messageId().value(),
                author,
                m.channel(),
                m.bodyHtml(),
                m.newPart().map(SafeHtml::html).orElse(null),
                m.bodyText(),
                m.createdAt(),
                attachments);
    }

    private String sentence(TicketActivity activity, Map<UserId, User> people, Map<Long, String> groups) {
        String detail = activity.detail() == null ? "" : activity.detail();
        return switch (activity.kind()) {
            case "status_changed" -> {
                String[] fromTo = detail.split(" -> ");
                yield fromTo.length == 2
                        ? text("workspace.activity.status", status(fromTo[0]), status(fromTo[1]))
                        : text("workspace.activity.other", detail);
            }
            case "assigned" -> {
                Map<String, String> parts = assignment(detail);
                Long agent = number(parts.get("assignee"));
                Long group = number(parts.get("group"));
                yield text(
                        "workspace.activity.assigned",
                        agent == null ? text("workspace.nobody") : userName(people, new UserId(agent)),
                        group == null ? text("workspace.nogroup") : groups.getOrDefault(group, "#" + group));
            }
            case "merged_into" -> text("workspace.activity.merged-into", "#" + detail);
            case "merged_from" -> text("workspace.activity.merged-from", "#" + detail);
            default -> text("workspace.activity.other", activity.kind() + " " + detail);
        };
    }

    private CustomerPanel customerPanel(Ticket ticket, CurrentUser viewer) {
        Customer customer = customers.get(ticket.requester());
        TicketManagement.OtherTickets theirs =
                tickets.otherTicketsOf(customer.id(), ticket.id(), OTHER_TICKETS, viewer);
        List<OtherTicket> others = theirs.tickets().stream()
                .map(t -> new OtherTicket(t.id().value(), t.subject(), t.status(), t.updatedAt()))
                .toList();
        long total = theirs.total();
        return new CustomerPanel(
                customer.id().value(),
                customer.name(),
                customer.addresses(IdentityKind.EMAIL),
                customer.addresses(IdentityKind.PHONE),
                customer.organisation().map(Organisation::name).orElse(null),
                customer.journeyStage(),
                others,
                Math.max(0, total - others.size()));
    }

    /** Active staff to assign to, by name; the current assignee stays in the list even if deactivated. */
    private List<Choice> agents(Ticket ticket, Map<UserId, User> people) {
        Map<Long, Choice> choices = new LinkedHashMap<>();
        for (Role role : List.of(Role.AGENT, Role.SUPERVISOR, Role.ADMIN)) {
            users.search(null, role, PageRequest.of(0, STAFF_PAGE, Sort.by("displayName"))).stream()
                    .filter(User::active)
                    .forEach(u -> choices.put(u.id().value(), new Choice(u.id().value(), u.displayName())));
        }
        ticket.assignee().ifPresent(a -> choices.putIfAbsent(a.value(), new Choice(a.value(), userName(people, a))));
        return choices.values().stream()
                .sorted(Comparator.comparing(Choice::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    private static Set<UserId> mentionedUsers(TicketDetails details) {
        Set<UserId> ids = new HashSet<>();
        details.ticket().assignee().ifPresent(ids::add);
        details.messages().forEach(m -> m.authorUser().ifPresent(ids::add));
        details.activity().stream()
                .filter(a -> "assigned".equals(a.kind()))
                .map(a -> number(assignment(a.detail()).get("assignee")))
                .filter(Objects::nonNull)
                .map(UserId::new)
                .forEach(ids::add);
        return ids;
    }

    private static Set<CustomerId> mentionedCustomers(TicketDetails details) {
        return details.messages().stream()
                .map(Message::authorCustomer)
                .flatMap(java.util.Optional::stream)
                .collect(Collectors.toSet());
    }

    /** "assignee=5 group=none" as a map. */
    private static Map<String, String> assignment(String detail) {
        if (detail == null) {
            return Map.of();
        }
        return java.util.Arrays.stream(detail.split(" "))
                .map(part -> part.split("=", 2))
                .filter(kv -> kv.length == 2)
                .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1], (a, b) -> a));
    }

    private static Long number(String value) {
        return value != null && value.matches("\\d{1,18}") ? Long.valueOf(value) : null;
    }

    private String userName(Map<UserId, User> people, UserId id) {
        User user = people.get(id);
        return user == null ? text("workspace.author.unknown", id.value()) : user.displayName();
    }

    private String status(String code) {
        return text("ticket.status." + code.strip().toLowerCase(Locale.ROOT));
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    /** "512 B", "12 KB", "3.4 MB": enough to tell a screenshot from a video. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return (bytes + 512) / 1024 + " KB";
        }
        return String.format(LocaleContextHolder.getLocale(), "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
