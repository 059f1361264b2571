package it.sportello.routing;

import it.sportello.identity.AuditLog;
import it.sportello.identity.CurrentUser;
import it.sportello.identity.GroupId;
import it.sportello.identity.Role;
import it.sportello.identity.User;
import it.sportello.identity.UserId;
import it.sportello.identity.UserManagement;
import it.sportello.shared.ConflictException;
import it.sportello.shared.InvalidInputException;
import it.sportello.shared.NotFoundException;
import it.sportello.shared.PlainText;
import it.sportello.shared.SequenceIds;
import it.sportello.ticket.Channel;
import it.sportello.ticket.TicketManagement;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The routing settings people change: the skill catalogue, each group's strategy and required
 * skills, each agent's skills, channels and capacity. Supervisors change them for anyone; an agent
 * changes only their own availability and capacity. Every change is audited.
 */
@Service
@Transactional
@EnableConfigurationProperties(RoutingProperties.class)
public class RoutingSetup {

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final Pattern PRODUCT = Pattern.compile("[\\p{L}\\p{N}_.:-]+");

    private final SkillRepository skills;
    private final GroupRoutingRepository groups;
    private final AgentProfileRepository profiles;
    private final UserManagement users;
    private final TicketManagement tickets;
    private final AuditLog audit;
    private final SequenceIds ids;
    private final ApplicationEventPublisher events;
    private final RoutingProperties properties;
    private final Clock clock;

    RoutingSetup(
            SkillRepository skills,
            GroupRoutingRepository groups,
            AgentProfileRepository profiles,
            UserManagement users,
            TicketManagement tickets,
            AuditLog audit,
            SequenceIds ids,
            ApplicationEventPublisher events,
            RoutingProperties properties,
            Clock clock) {
        this.skills = skills;
        this.groups = groups;
        this.profiles = profiles;
        this.users = users;
        this.tickets = tickets;
        this.audit = audit;
        this.ids = ids;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    // The skill catalogue

    /** Every skill, languages first, then products, then channels, each by name. */
    @Transactional(readOnly = true)
    public List<Skill> skills() {
        return skills.findAll(Sort.by("kind", "name")).stream()
                .sorted(Comparator.comparing(Skill::kind)
                        .thenComparing(s -> s.name().toLowerCase()))
                .toList();
    }

    @Transactional(readOnly = true)
    public Skill skill(SkillId id) {
        return skills.findById(id.value()).orElseThrow(() -> new NotFoundException("Skill", id.value()));
    }

    /** Adds a skill; a language is an ISO code ("de"), a product is written as a ticket tag ("resi"). */
    public Skill addSkill(SkillKind kind, String code, String name) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (kind == null) {
            errors.put("kind", "one of language, product, channel");
        }
        String clean = Skill.normaliseCode(code);
        if (kind != null && !validCode(kind, clean)) {
            errors.put(
                    "code",
                    switch (kind) {
                        case LANGUAGE -> "a language code of two or three letters, e.g. de";
                        case PRODUCT ->
                            "letters, digits, - _ . : and up to " + Skill.MAX_CODE
                                    + " characters, as the product's ticket tag is written";
                        case CHANNEL -> "one of " + channelCodes();
                    });
        }
        String label = PlainText.line(name);
        if (label.isEmpty() || label.length() > Skill.MAX_NAME) {
            errors.put("name", "from 1 to " + Skill.MAX_NAME + " characters");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        skills.findByKindAndCode(kind, clean).ifPresent(existing -> {
            throw new ConflictException("The catalogue already has the " + kind.code() + " skill " + clean);
        });
        Skill skill = skills.save(new Skill(new SkillId(ids.next(Skill.SEQUENCE)), kind, clean, label, now()));
        audit.record("routing.skill.created", target(skill), kind.code() + " " + clean + " (" + label + ")");
        return skill;
    }

    public Skill renameSkill(SkillId id, String name) {
        Skill skill = skill(id);
        String label = PlainText.line(name);
        if (label.isEmpty() || label.length() > Skill.MAX_NAME) {
            throw new InvalidInputException("name", "from 1 to " + Skill.MAX_NAME + " characters");
        }
        skill.rename(label);
        audit.record("routing.skill.renamed", target(skill), label);
        return skill;
    }

    /** Removes a skill from the catalogue, and so from every group and agent that had it. */
    public void removeSkill(SkillId id) {
        Skill skill = skill(id);
        skills.delete(skill);
        skills.flush();
        audit.record("routing.skill.removed", target(skill), skill.kind().code() + " " + skill.code());
    }

    // Groups

    /** A group's routing; a group nobody configured routes manually. */
    @Transactional(readOnly = true)
    public GroupRouting groupRouting(GroupId group) {
        users.getGroup(group);
        return groups.findById(group.value()).orElseGet(() -> GroupRouting.manual(group));
    }

    @Transactional(readOnly = true)
    public Map<GroupId, GroupRouting> groupRoutings() {
        return groups.findAll().stream().collect(Collectors.toMap(GroupRouting::group, g -> g));
    }

    /**
     * Sets a group's strategy and required skills. {@code expectedVersion}, when given, must be the
     * version the caller read, or someone else's change meanwhile is reported as a conflict.
     */
    public GroupRouting configureGroup(
            GroupId group, RoutingStrategy strategy, Collection<SkillId> required, Long expectedVersion) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (strategy == null) {
            errors.put("strategy", "one of manual, round_robin, least_loaded, skill_based");
        }
        Set<SkillId> requiredSkills = required == null ? Set.of() : Set.copyOf(required);
        requireSkills(requiredSkills, "requiredSkills", errors);
        users.getGroup(group);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        GroupRouting routing = groups.findById(group.value()).orElse(null);
        long current = routing == null ? 0 : routing.version();
        if (expectedVersion != null && expectedVersion != current) {
            throw new ConflictException("The routing of group " + group.value() + " was changed meanwhile (version "
                    + current + ", not " + expectedVersion + "); reload it");
        }
        if (routing == null) {
            routing = new GroupRouting(group, now());
        }
        routing.configure(strategy, requiredSkills, now());
        routing = groups.saveAndFlush(routing);
        audit.record(
                "routing.group.updated",
                "group:" + group.value(),
                "strategy=" + strategy.code() + ", requiredSkills=" + skillCodes(requiredSkills));
        events.publishEvent(new GroupRoutingChanged(group, strategy, now()));
        return routing;
    }

    // Agents

    /** An agent's profile; one nobody configured is away everywhere with the default capacity. */
    @Transactional(readOnly = true)
    public AgentProfile profile(UserId agent) {
        requireAgent(agent);
        return profiles.findById(agent.value())
                .orElseGet(() -> AgentProfile.unconfigured(agent, properties.defaultCapacity()));
    }

    @Transactional(readOnly = true)
    public Map<UserId, AgentProfile> profiles() {
        return profiles.findAll().stream().collect(Collectors.toMap(AgentProfile::agent, p -> p));
    }

    /** What a supervisor sets for an agent; null leaves a part as it is. */
    public record ProfileChanges(
            Map<SkillId, Integer> skills, Set<Channel> availableOn, Integer capacity, Long expectedVersion) {}

    /**
     * Changes an agent's profile. Supervisors change anyone's; an agent changes only their own
     * availability and capacity (their skills are a supervisor's call).
     */
    public AgentProfile changeProfile(UserId agent, ProfileChanges changes, CurrentUser actor) {
        boolean supervisor = actor.hasAtLeast(Role.SUPERVISOR);
        if (!supervisor && (!actor.id().equals(agent) || changes.skills() != null)) {
            throw new AccessDeniedException(
                    "Agents change only their own availability and capacity; skills and others are for supervisors");
        }
        requireAgent(agent);
        Map<String, String> errors = new LinkedHashMap<>();
        if (changes.capacity() != null && (changes.capacity() < 1 || changes.capacity() > AgentProfile.MAX_CAPACITY)) {
            errors.put("capacity", "from 1 to " + AgentProfile.MAX_CAPACITY);
        }
        if (changes.availableOn() != null) {
            Set<Channel> unrouted = changes.availableOn().stream()
                    .filter(c -> !properties.routes(c))
                    .collect(Collectors.toSet());
            if (!unrouted.isEmpty()) {
                errors.put(
                        "availableOn",
                        "routing hands out tickets of "
                                + routedChannels().stream().map(Channel::code).collect(Collectors.joining(", "))
                                + " only (live chats go through the chat desk)");
            }
        }
        if (changes.skills() != null) {
            requireSkills(changes.skills().keySet(), "skills", errors);
            changes.skills().forEach((skill, level) -> {
                if (level == null || level < AgentProfile.MIN_LEVEL || level > AgentProfile.MAX_LEVEL) {
                    errors.put("skills", "each level from " + AgentProfile.MIN_LEVEL + " to " + AgentProfile.MAX_LEVEL);
                }
            });
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        AgentProfile profile = profiles.findById(agent.value()).orElse(null);
        long current = profile == null ? 0 : profile.version();
        if (changes.expectedVersion() != null && changes.expectedVersion() != current) {
            throw new ConflictException("The profile of agent " + agent.value() + " was changed meanwhile (version "
                    + current + ", not " + changes.expectedVersion() + "); reload it");
        }
        Instant now = now();
        if (profile == null) {
            profile = new AgentProfile(agent, properties.defaultCapacity(), now);
        }
        List<String> details = new java.util.ArrayList<>();
        if (changes.capacity() != null) {
            profile.changeCapacity(changes.capacity(), now);
            details.add("capacity=" + changes.capacity());
        }
        if (changes.availableOn() != null) {
            profile.makeAvailableOn(changes.availableOn(), now);
            details.add("availableOn="
                    + changes.availableOn().stream().map(Channel::code).sorted().toList());
        }
        if (changes.skills() != null) {
            profile.changeSkills(changes.skills(), now);
            details.add("skills="
                    + new TreeMap<>(changes.skills().entrySet().stream()
                            .collect(Collectors.toMap(
                                    e -> skill(e.getKey()).code(), Map.Entry::getValue, (a, b) -> a))));
        }
        profile = profiles.saveAndFlush(profile);
        audit.record("routing.agent.updated", "user:" + agent.value(), String.join(", ", details));
        events.publishEvent(new AgentProfileChanged(agent, now));
        return profile;
    }

    /** How many open tickets (in the statuses that count against capacity) each agent holds. */
    @Transactional(readOnly = true)
    public Map<UserId, Long> loads(Collection<UserId> agents) {
        return tickets.assignedCounts(agents, properties.loadStatuses());
    }

    /** The channels an agent can say they are available on: those whose tickets routing hands out. */
    public Set<Channel> routedChannels() {
        return properties.channels().isEmpty() ? Set.of() : EnumSet.copyOf(properties.channels());
    }

    private User requireAgent(UserId agent) {
        User user = users.findById(agent).orElseThrow(() -> new NotFoundException("Agent", agent.value()));
        if (!user.role().isStaff()) {
            throw new NotFoundException("Agent", agent.value());
        }
        return user;
    }

    private void requireSkills(Collection<SkillId> wanted, String field, Map<String, String> errors) {
        List<Long> unknown = wanted.stream()
                .map(SkillId::value)
                .filter(id -> !skills.existsById(id))
                .sorted()
                .toList();
        if (!unknown.isEmpty()) {
            errors.put(
                    field,
                    "no skill with id " + unknown.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
    }

    private String skillCodes(Collection<SkillId> ids) {
        return ids.stream().map(id -> skill(id).code()).sorted().toList().toString();
    }

    private static boolean validCode(SkillKind kind, String code) {
        return switch (kind) {
            case LANGUAGE -> LANGUAGE.matcher(code).matches();
            case PRODUCT ->
                code.length() <= Skill.MAX_CODE && PRODUCT.matcher(code).matches();
            case CHANNEL ->
                EnumSet.allOf(Channel.class).stream().anyMatch(c -> c.code().equals(code));
        };
    }

    private static String channelCodes() {
        return EnumSet.allOf(Channel.class).stream().map(Channel::code).collect(Collectors.joining(", "));
    }

    private static String target(Skill skill) {
        return "skill:" + skill.id().value();
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
