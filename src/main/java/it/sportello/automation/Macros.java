package it.sportello.automation;

import it.sportello.customer.CustomerManagement;
import it.sportello.identity.AgentGroup;
import it.sportello.identity.AuditLog;
import it.sportello.identity.CurrentUser;
import it.sportello.identity.GroupId;
import it.sportello.identity.UserId;
import it.sportello.identity.UserManagement;
import it.sportello.shared.ConflictException;
import it.sportello.shared.InvalidInputException;
import it.sportello.shared.NotFoundException;
import it.sportello.shared.PlainText;
import it.sportello.ticket.Priority;
import it.sportello.ticket.Ticket;
import it.sportello.ticket.TicketId;
import it.sportello.ticket.TicketManagement;
import it.sportello.ticket.TicketStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Macros: written by supervisors (audited), applied by agents. Applying one changes the ticket's
 * group, assignee, priority and tags at once and adds its note, as the agent's own change; its
 * reply (filled in, in the customer's language) and its status are handed back to go with the reply
 * the agent reviews and sends, as in Zendesk: nothing reaches the customer unseen.
 */
@Service
public class Macros {

    static final int MAX_REPLY = 20_000;

    private final MacroRepository macros;
    private final RuleChecks checks;
    private final UserManagement users;
    private final TicketManagement tickets;
    private final CustomerManagement customers;
    private final Placeholders placeholders;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Macros(
            MacroRepository macros,
            RuleChecks checks,
            UserManagement users,
            TicketManagement tickets,
            CustomerManagement customers,
            Placeholders placeholders,
            AuditLog audit,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.macros = macros;
        this.checks = checks;
        this.users = users;
        this.tickets = tickets;
        this.customers = customers;
        this.placeholders = placeholders;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** What applying a macro leaves for the agent: the reply to review and the status to send it with. */
    public record Applied(Macro macro, Ticket ticket, String reply, TicketStatus statusAfter) {}

    /** A macro's reply ready to insert: its name and its text filled in for a ticket. */
    public record Reply(String name, String text) {}

    /**
     * The replies of the macros this person may use, filled in for the ticket's customer, in their
     * language (the chat workspace's ready replies); macros without a reply are left out.
     */
    public List<Reply> repliesFor(CurrentUser agent, TicketId ticketId) {
        Optional<Ticket> ticket = tickets.find(ticketId);
        if (ticket.isEmpty()) {
            return List.of();
        }
        var customer = customers.get(ticket.get().requester());
        return usableBy(agent).stream()
                .map(m -> new Reply(m.name(), placeholders.render(m.replyIt(), m.replyEn(), ticket.get(), customer)))
                .filter(r -> !r.text().isBlank())
                .toList();
    }

    public List<Macro> all() {
        return macros.findAllByOrderByNameAscIdAsc();
    }

    public Macro get(long id) {
        return macros.findById(id).orElseThrow(() -> new NotFoundException("Macro", id));
    }

    /** The active macros this person may apply: everyone's, and their groups'. */
    public List<Macro> usableBy(CurrentUser agent) {
        Set<Long> groups = groupsOf(agent.id());
        return macros.findByActiveTrueOrderByNameAscIdAsc().stream()
                .filter(m -> m.groupId() == null || groups.contains(m.groupId()))
                .toList();
    }

    public Macro create(MacroDraft draft) {
        MacroDraft clean = checked(draft);
        return transactions.execute(tx -> {
            Macro saved = macros.save(new Macro(clean, Instant.now(clock)));
            audit.record("automation.macro.created", target(saved), saved.name());
            return saved;
        });
    }

    public Macro update(long id, MacroDraft draft, Long expectedVersion) {
        MacroDraft clean = checked(draft);
        return transactions.execute(tx -> {
            Macro macro = current(id, expectedVersion);
            macro.change(clean, Instant.now(clock));
            audit.record("automation.macro.updated", target(macro), macro.name());
            return macros.saveAndFlush(macro);
        });
    }

    public Macro activate(long id, boolean active) {
        return transactions.execute(tx -> {
            Macro macro = get(id);
            macro.activate(active, Instant.now(clock));
            audit.record(
                    active ? "automation.macro.activated" : "automation.macro.deactivated",
                    target(macro),
                    macro.name());
            return macros.saveAndFlush(macro);
        });
    }

    public void delete(long id, Long expectedVersion) {
        transactions.executeWithoutResult(tx -> {
            Macro macro = current(id, expectedVersion);
            macros.delete(macro);
            audit.record("automation.macro.deleted", target(macro), macro.name());
        });
    }

    /** Applies a macro to a ticket as {@code agent}; see the class comment for what happens when. */
    public Applied apply(TicketId ticketId, long macroId, CurrentUser agent) {
        Macro macro = usableBy(agent).stream()
                .filter(m -> m.id() == macroId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Macro", macroId));
        Ticket ticket = tickets.details(ticketId, agent).ticket();
        TicketStatus statusAfter = null;
        Priority priority = null;
        Optional<UserId> assignee = null;
        Optional<GroupId> group = null;
        Set<String> tags = new TreeSet<>(ticket.tags());
        boolean retag = false;
        for (Action action : macro.actions()) {
            switch (action.type()) {
                case SET_STATUS -> statusAfter = TicketStatus.fromCode(action.value());
                case SET_PRIORITY -> priority = Priority.fromCode(action.value());
                case ASSIGN -> {
                    if (action.groupId() != null) {
                        group = Optional.of(new GroupId(action.groupId()));
                    }
                    if (action.agentId() != null) {
                        assignee = Optional.of(new UserId(action.agentId()));
                    }
                }
                case ADD_TAGS -> {
                    retag = true;
                    new Condition(null, action.value()).values().forEach(t -> tags.add(tag(t)));
                }
                case REMOVE_TAGS -> {
                    retag = true;
                    new Condition(null, action.value()).values().forEach(t -> tags.remove(tag(t)));
                }
                default -> {}
            }
        }
        Ticket changed = ticket;
        if (priority != null || assignee != null || group != null || (retag && !tags.equals(ticket.tags()))) {
            changed = tickets.change(
                    ticketId,
                    new TicketManagement.TicketChanges(
                            null, priority, assignee, group, retag ? List.copyOf(tags) : null, null, null),
                    agent);
        }
        var customer = customers.get(changed.requester());
        for (Action action : macro.actions()) {
            if (action.type() == ActionType.ADD_NOTE) {
                tickets.addMessage(
                        ticketId,
                        new TicketManagement.NewMessage(
                                new TicketManagement.Body(
                                        placeholders.fill(
                                                action.value(),
                                                changed,
                                                customer,
                                                customer.locale().locale()),
                                        null),
                                true,
                                null,
                                null,
                                List.of()),
                        agent);
            }
        }
        String reply = placeholders.render(macro.replyIt(), macro.replyEn(), changed, customer);
        return new Applied(macro, changed, reply, statusAfter);
    }

    private Set<Long> groupsOf(UserId user) {
        if (user == null) {
            return Set.of();
        }
        return users.groups().stream()
                .filter(g -> g.members().contains(user))
                .map(AgentGroup::id)
                .map(GroupId::value)
                .collect(Collectors.toSet());
    }

    private Macro current(long id, Long expectedVersion) {
        Macro macro = get(id);
        if (expectedVersion != null && expectedVersion != macro.version()) {
            throw new ConflictException("Macro " + id + " has changed since version " + expectedVersion + " (now "
                    + macro.version() + "); reload it and try again");
        }
        return macro;
    }

    private MacroDraft checked(MacroDraft draft) {
        Map<String, String> errors = RuleParts.errors();
        String name = RuleParts.name(draft.name(), errors);
        String replyIt = draft.replyIt() == null ? null : PlainText.clean(draft.replyIt());
        String replyEn = draft.replyEn() == null ? null : PlainText.clean(draft.replyEn());
        if (replyIt != null && replyIt.length() > MAX_REPLY) {
            errors.put("replyIt", "must be at most " + MAX_REPLY + " characters");
        }
        if (replyEn != null && replyEn.length() > MAX_REPLY) {
            errors.put("replyEn", "must be at most " + MAX_REPLY + " characters");
        }
        List<Action> actions = RuleParts.actions(draft.actions(), ActionType.FOR_MACROS, false, errors);
        if ((replyIt == null || replyIt.isBlank()) && (replyEn == null || replyEn.isBlank()) && actions.isEmpty()) {
            errors.put("replyIt", "a macro needs a reply or at least one action");
        }
        if (draft.groupId() != null) {
            try {
                users.requireGroup(new GroupId(draft.groupId()), "groupId");
            } catch (InvalidInputException e) {
                errors.putAll(e.fieldErrors());
            }
        }
        checks.references(actions, errors);
        RuleParts.throwIfAny(errors);
        return new MacroDraft(
                name, draft.active(), draft.groupId(), blankToNull(replyIt), blankToNull(replyEn), actions);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    static String tag(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
    }

    private static String target(Macro macro) {
        return "macro:" + macro.id();
    }
}
