package it.sportello.routing;

import it.sportello.customer.CustomerManagement;
import it.sportello.identity.AgentGroup;
import it.sportello.identity.CurrentUser;
import it.sportello.identity.GroupId;
import it.sportello.identity.Notifications;
import it.sportello.identity.User;
import it.sportello.identity.UserId;
import it.sportello.identity.UserManagement;
import it.sportello.shared.ConflictException;
import it.sportello.ticket.Ticket;
import it.sportello.ticket.TicketId;
import it.sportello.ticket.TicketManagement;
import it.sportello.ticket.TicketManagement.TicketChanges;
import it.sportello.ticket.TicketOrder;
import it.sportello.ticket.TicketSearch;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives waiting tickets to agents. A ticket that enters a group's queue unassigned goes to the agent
 * the group's strategy picks among its members who are available on the ticket's channel, have the
 * skills it needs and have room; an agent who gains room is handed the most urgent waiting ticket of
 * their groups. Safe with several nodes: one router per group at a time (its row is locked), the
 * chosen agent's row is locked while their load is counted, and the ticket is assigned only if it has
 * not changed since it was read. Every operation is idempotent: calling it again finds nothing to do.
 */
@Service
public class TicketRouter {

    private static final Logger log = LoggerFactory.getLogger(TicketRouter.class);
    private static final int ATTEMPTS = 4;
    /** How deep into a queue hand-over and "take next" look for a ticket the agent may take. */
    private static final int LOOK_AHEAD = 100;
    /** Tickets routed at most when a group's settings change (the rest wait for the next chance). */
    private static final int DRAIN_LIMIT = 500;
    /** Tickets offered again per group by the periodic sweep. */
    private static final int SWEEP_LIMIT = 50;

    /** Most urgent first: the clock that falls due first, tickets without one last, then the oldest. */
    static final Comparator<Ticket> URGENCY = Comparator.comparing(
                    (Ticket t) -> t.slaDueAt().orElse(null), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Ticket::createdAt)
            .thenComparingLong(t -> t.id().value());

    private final TicketManagement tickets;
    private final CustomerManagement customers;
    private final UserManagement users;
    private final Notifications notifications;
    private final SkillRepository skills;
    private final GroupRoutingRepository groups;
    private final AgentProfileRepository profiles;
    private final RoutingProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    TicketRouter(
            TicketManagement tickets,
            CustomerManagement customers,
            UserManagement users,
            Notifications notifications,
            SkillRepository skills,
            GroupRoutingRepository groups,
            AgentProfileRepository profiles,
            RoutingProperties properties,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.tickets = tickets;
        this.customers = customers;
        this.users = users;
        this.notifications = notifications;
        this.skills = skills;
        this.groups = groups;
        this.profiles = profiles;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * Routes a ticket if it waits unassigned in the queue of a group with an automatic strategy;
     * the agent it went to, or empty when it stays in the queue (or was not waiting).
     */
    public Optional<UserId> route(TicketId id) {
        // Read first on its own, so the ticket is read afresh once the group is locked.
        Optional<GroupId> group = tickets.find(id).filter(this::waiting).flatMap(Ticket::group);
        if (group.isEmpty()) {
            return Optional.empty();
        }
        return retrying(() -> transactions.execute(tx -> routeWithGroupLocked(id, group.get())));
    }

    /**
     * Hands an agent the most urgent waiting tickets of their groups that they may take, until they
     * are full or none is left; how many they were given.
     */
    public int handOver(UserId agent) {
        int given = 0;
        while (given < AgentProfile.MAX_CAPACITY && retrying(() -> transactions.execute(tx -> handOverOne(agent)))) {
            given++;
        }
        return given;
    }

    /** Routes the waiting tickets of a group, most urgent first; how many found an agent. */
    public int drain(GroupId group) {
        return drain(group, DRAIN_LIMIT);
    }

    private int drain(GroupId group, int limit) {
        List<Ticket> waiting = tickets.searchAsDesk(queueOf(group), TicketOrder.SLA_DUE, 0, limit)
                .getContent();
        int routed = 0;
        for (Ticket ticket : waiting) {
            if (route(ticket.id()).isPresent()) {
                routed++;
            }
        }
        return routed;
    }

    /** Offers the waiting tickets of every group that routes by itself again, at most {@value #SWEEP_LIMIT} per group. */
    public int sweep() {
        int routed = 0;
        for (GroupRouting routing : groups.findByStrategyNot(RoutingStrategy.MANUAL)) {
            routed += drain(routing.group(), SWEEP_LIMIT);
        }
        return routed;
    }

    /**
     * The most urgent waiting ticket of the agent's groups that they may take (they have the skills
     * its group and, in a skill-based group, the ticket need), assigned to them; empty when there is
     * none. A deliberate pull: it ignores availability and capacity.
     */
    public Optional<Ticket> takeNext(CurrentUser agent) {
        for (int attempt = 1; ; attempt++) {
            Optional<Ticket> next = transactions.execute(tx -> mostUrgentFor(agent.id(), false));
            if (next.isEmpty()) {
                return Optional.empty();
            }
            Ticket ticket = next.get();
            try {
                return Optional.of(tickets.change(
                        ticket.id(),
                        new TicketChanges(null, null, Optional.of(agent.id()), null, null, null, ticket.version()),
                        agent));
            } catch (ConflictException | OptimisticLockingFailureException e) {
                // Someone took it first: the next one, then.
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Whether the ticket waits in a queue for routing: unassigned, in a group, in a waiting status, on a routed channel. */
    boolean waiting(Ticket ticket) {
        return ticket.assignee().isEmpty()
                && ticket.group().isPresent()
                && properties.loadStatuses().contains(ticket.status())
                && properties.routes(ticket.channel());
    }

    /** Whether the ticket waits in its group's queue for a person to take it, whatever its channel. */
    private boolean queued(Ticket ticket) {
        return ticket.assignee().isEmpty()
                && ticket.group().isPresent()
                && properties.loadStatuses().contains(ticket.status());
    }

    private Optional<UserId> routeWithGroupLocked(TicketId id, GroupId group) {
        Optional<GroupRouting> settings = groups.findByIdForUpdate(group.value());
        if (settings.isEmpty() || !settings.get().strategy().automatic()) {
            return Optional.empty();
        }
        GroupRouting routing = settings.get();
        Ticket ticket = tickets.find(id).orElse(null);
        if (ticket == null || !waiting(ticket) || !ticket.group().orElseThrow().equals(group)) {
            return Optional.empty();
        }
        Needs needs = needsOf(ticket, skills.findAll());
        Set<UserId> members = activeStaff(users.getGroup(group).members());
        List<AgentProfile> able = profiles
                .findAllById(members.stream().map(UserId::value).toList())
                .stream()
                .filter(p -> p.availableOn(ticket.channel()) && fits(routing, p, needs))
                .toList();
        Map<UserId, Long> loads =
                tickets.assignedCounts(able.stream().map(AgentProfile::agent).toList(), properties.loadStatuses());
        List<AgentPicker.Candidate> candidates = able.stream()
                .filter(p -> loads.getOrDefault(p.agent(), 0L) < p.capacity())
                .map(p -> new AgentPicker.Candidate(
                        p.agent(),
                        loads.getOrDefault(p.agent(), 0L),
                        p.lastAssignedAt().orElse(null),
                        needs.score(p)))
                .toList();
        for (UserId agent : AgentPicker.preference(
                routing.strategy(), candidates, routing.lastAssignee().orElse(null))) {
            if (assignIfRoom(ticket, agent)) {
                groups.picked(group.value(), agent.value());
                return Optional.of(agent);
            }
        }
        return Optional.empty();
    }

    private boolean handOverOne(UserId agent) {
        Optional<AgentProfile> profile = profiles.findByIdForUpdate(agent.value());
        if (profile.isEmpty()
                || profile.get().availableOn().isEmpty()
                || activeStaff(Set.of(agent)).isEmpty()) {
            return false;
        }
        if (load(agent) >= profile.get().capacity()) {
            return false;
        }
        Optional<Ticket> next = mostUrgentFor(agent, true);
        return next.isPresent() && assign(next.get(), agent);
    }

    /**
     * The most urgent ticket waiting in the agent's groups that they may take. With {@code automatic},
     * only groups that route by themselves and tickets of channels the agent is available on (a
     * hand-over); otherwise every group's (a pull).
     */
    private Optional<Ticket> mostUrgentFor(UserId agent, boolean automatic) {
        AgentProfile profile = profiles.findById(agent.value())
                .orElseGet(() -> AgentProfile.unconfigured(agent, properties.defaultCapacity()));
        Map<GroupId, GroupRouting> settings =
                groups.findAll().stream().collect(Collectors.toMap(GroupRouting::group, g -> g));
        List<Skill> catalogue = skills.findAll();
        List<Ticket> firsts = new ArrayList<>();
        for (AgentGroup group : users.groups()) {
            if (!group.members().contains(agent)) {
                continue;
            }
            GroupRouting routing = settings.getOrDefault(group.id(), GroupRouting.manual(group.id()));
            if ((automatic && !routing.strategy().automatic()) || !profile.hasAll(routing.requiredSkills())) {
                continue;
            }
            tickets.searchAsDesk(queueOf(group.id()), TicketOrder.SLA_DUE, 0, LOOK_AHEAD).stream()
                    .filter(automatic ? this::waiting : this::queued)
                    .filter(t -> !automatic || profile.availableOn(t.channel()))
                    // A ticket's needs (its requester's language) are read only where the strategy asks.
                    .filter(t -> routing.strategy() != RoutingStrategy.SKILL_BASED
                            || fits(routing, profile, needsOf(t, catalogue)))
                    .findFirst()
                    .ifPresent(firsts::add);
        }
        return firsts.stream().min(URGENCY);
    }

    /** Locks the agent's row, counts their load afresh and assigns the ticket if they still have room. */
    private boolean assignIfRoom(Ticket ticket, UserId agent) {
        Optional<AgentProfile> locked = profiles.findByIdForUpdate(agent.value());
        if (locked.isEmpty() || load(agent) >= locked.get().capacity()) {
            return false;
        }
        return assign(ticket, agent);
    }

    private boolean assign(Ticket ticket, UserId agent) {
        tickets.changeAsDesk(
                ticket.id(), new TicketChanges(null, null, Optional.of(agent), null, null, null, ticket.version()));
        profiles.assignedAt(agent.value(), Instant.now(clock));
        // The agent learns of work the desk gave them; in the same transaction, so a lost race tells nobody.
        notifications.notify(
                agent,
                "routing.notice.assigned",
                List.of(String.valueOf(ticket.id().value()), ticket.subject()),
                "/tickets/" + ticket.id().value());
        log.debug("Routed ticket {} to agent {}", ticket.id().value(), agent.value());
        return true;
    }

    private long load(UserId agent) {
        return tickets.assignedCounts(List.of(agent), properties.loadStatuses()).getOrDefault(agent, 0L);
    }

    private TicketSearch queueOf(GroupId group) {
        return new TicketSearch(properties.loadStatuses(), null, true, null, null, null, group, null, null, null);
    }

    private Set<UserId> activeStaff(Set<UserId> ids) {
        Set<UserId> active = new HashSet<>();
        users.findAll(ids).values().stream()
                .filter(u -> u.active() && u.role().isStaff())
                .map(User::id)
                .forEach(active::add);
        return active;
    }

    /** Whether the agent has the group's required skills and, in a skill-based group, the ticket's. */
    private static boolean fits(GroupRouting routing, AgentProfile profile, Needs needs) {
        return profile.hasAll(routing.requiredSkills())
                && (routing.strategy() != RoutingStrategy.SKILL_BASED || profile.hasAll(needs.required()));
    }

    /**
     * The skills of the catalogue a ticket asks for: the requester's language and the products among
     * its tags (what the catalogue does not know is not asked for); its channel's skill adds to the score.
     */
    record Needs(Set<SkillId> required, Optional<SkillId> channel) {

        int score(AgentProfile agent) {
            int score = required.stream()
                    .mapToInt(skill -> agent.levelOf(skill).orElse(0))
                    .sum();
            return score + channel.flatMap(agent::levelOf).orElse(0);
        }
    }

    private Needs needsOf(Ticket ticket, List<Skill> catalogue) {
        String language = customers.get(ticket.requester()).locale().code();
        Set<SkillId> required = new HashSet<>();
        Optional<SkillId> channel = Optional.empty();
        for (Skill skill : catalogue) {
            switch (skill.kind()) {
                case LANGUAGE -> {
                    if (skill.code().equals(language)) {
                        required.add(skill.id());
                    }
                }
                case PRODUCT -> {
                    if (ticket.tags().contains(skill.code())) {
                        required.add(skill.id());
                    }
                }
                case CHANNEL -> {
                    if (skill.code().equals(ticket.channel().code())) {
                        channel = Optional.of(skill.id());
                    }
                }
            }
        }
        return new Needs(required, channel);
    }

    /**
     * Runs a routing transaction again when it lost a race a fresh attempt resolves: the ticket
     * changed under it, or a lock was not granted in time.
     */
    private static <T> T retrying(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (ConflictException | OptimisticLockingFailureException | PessimisticLockingFailureException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                try {
                    Thread.sleep(
                            java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 10L * attempt + 2));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
