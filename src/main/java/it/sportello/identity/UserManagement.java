package it.sportello.identity;

import it.sportello.shared.ConflictException;
import it.sportello.shared.InvalidInputException;
import it.sportello.shared.NotFoundException;
import it.sportello.shared.PlainText;
import it.sportello.shared.SupportedLocale;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, changes and finds users and agent groups. Every change is audited. */
@Service
@Transactional
public class UserManagement {

    /** Shortest password we accept; long passphrases beat complexity rules. */
    public static final int MIN_PASSWORD_LENGTH = 10;

    private final UserRepository users;
    private final AgentGroupRepository groups;
    private final PasswordEncoder passwordEncoder;
    private final AuditLog audit;
    private final ApiTokens tokens;
    private final Clock clock;

    UserManagement(
            UserRepository users,
            AgentGroupRepository groups,
            PasswordEncoder passwordEncoder,
            AuditLog audit,
            ApiTokens tokens,
            Clock clock) {
        this.users = users;
        this.groups = groups;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** What a new user is made of; a null password means the user cannot sign in with one (yet). */
    public record NewUser(String email, String displayName, Role role, SupportedLocale locale, String password) {}

    /** A partial change: null fields stay as they are. */
    public record UserChanges(
            String email, String displayName, Role role, SupportedLocale locale, String password, Boolean active) {}

    public User create(NewUser request) {
        String email = User.normaliseEmail(request.email());
        if (users.findByEmail(email).isPresent()) {
            throw new ConflictException("A user with e-mail " + email + " already exists");
        }
        User user = users.save(new User(
                email,
                PlainText.line(request.displayName()),
                request.role(),
                request.locale() == null ? SupportedLocale.IT : request.locale(),
                encodeIfPresent(request.password()),
                now()));
        audit.record("user.created", target(user), "role=" + user.role().code());
        return user;
    }

    public User update(UserId id, UserChanges changes) {
        User user = get(id);
        Instant now = now();
        if (changes.email() != null && !User.normaliseEmail(changes.email()).equals(user.email())) {
            users.findByEmail(User.normaliseEmail(changes.email())).ifPresent(other -> {
                throw new ConflictException("A user with e-mail " + other.email() + " already exists");
            });
            user.changeEmail(changes.email(), now);
        }
        if (changes.displayName() != null) {
            user.rename(PlainText.line(changes.displayName()), now);
        }
        if (changes.locale() != null) {
            user.changeLocale(changes.locale(), now);
        }
        if (changes.role() != null && changes.role() != user.role()) {
            Role previous = user.role();
            guardLastAdmin(user, changes.role() == Role.ADMIN);
            user.changeRole(changes.role(), now);
            audit.record(
                    "user.role_changed",
                    target(user),
                    previous.code() + " -> " + changes.role().code());
        }
        if (changes.active() != null && changes.active() != user.active()) {
            guardLastAdmin(user, changes.active());
            user.activate(changes.active(), now);
            audit.record(changes.active() ? "user.activated" : "user.deactivated", target(user), null);
        }
        if (changes.password() != null) {
            user.changePassword(encodeIfPresent(changes.password()), now);
            audit.record("user.password_changed", target(user), null);
        }
        audit.record("user.updated", target(user), null);
        // A changed role or a deactivated account must not keep acting through a remembered token.
        tokens.forgetCheckedTokens();
        return user;
    }

    @Transactional(readOnly = true)
    public User get(UserId id) {
        return users.findById(id.value()).orElseThrow(() -> new NotFoundException("User", id.value()));
    }

    @Transactional(readOnly = true)
    public Optional<User> findById(UserId id) {
        return users.findById(id.value());
    }

    @Transactional(readOnly = true)
    public Optional<User> findByEmail(String email) {
        return users.findByEmail(User.normaliseEmail(email));
    }

    @Transactional(readOnly = true)
    public Page<User> search(String emailContains, Role role, Pageable pageable) {
        String needle = emailContains == null || emailContains.isBlank() ? null : User.normaliseEmail(emailContains);
        return users.search(needle == null ? null : "%" + needle + "%", role, pageable);
    }

    /** Users whose e-mail or name contains {@code text} (ignoring case; blank for any), with the role (null for any). */
    @Transactional(readOnly = true)
    public Page<User> searchByEmailOrName(String text, Role role, Pageable pageable) {
        String needle = text == null || text.isBlank() ? null : text.trim().toLowerCase(java.util.Locale.ROOT);
        return users.searchByEmailOrName(needle == null ? null : "%" + escapeLike(needle) + "%", role, pageable);
    }

    /** The active agents, supervisors and admins, by name: the people who can join a group. */
    @Transactional(readOnly = true)
    public List<User> activeStaff() {
        return users.findByActiveTrueAndRoleInOrderByDisplayNameAsc(List.of(Role.ADMIN, Role.SUPERVISOR, Role.AGENT));
    }

    @Transactional(readOnly = true)
    public Map<UserId, User> findAll(Collection<UserId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return users.findByIdIn(ids.stream().map(UserId::value).toList()).stream()
                .collect(Collectors.toMap(User::id, Function.identity()));
    }

    /** An active staff member who can be given tickets; fails with a field error otherwise. */
    @Transactional(readOnly = true)
    public User requireAssignableAgent(UserId id, String field) {
        return users.findById(id.value())
                .filter(u -> u.active() && u.role().isStaff())
                .orElseThrow(() -> new InvalidInputException(field, "no active agent with id " + id.value()));
    }

    @Transactional(readOnly = true)
    public boolean anyAdmin() {
        return users.existsByRole(Role.ADMIN);
    }

    public AgentGroup createGroup(String name, String description, Collection<UserId> members) {
        String clean = PlainText.line(name);
        if (groups.findByName(clean).isPresent()) {
            throw new ConflictException("A group named " + clean + " already exists");
        }
        AgentGroup group = new AgentGroup(clean, description == null ? null : PlainText.clean(description), now());
        group.replaceMembers(requireStaff(members));
        AgentGroup saved = groups.save(group);
        audit.record("group.created", "group:" + saved.id().value(), clean);
        return saved;
    }

    public AgentGroup updateGroup(GroupId id, String name, String description, Collection<UserId> members) {
        AgentGroup group = getGroup(id);
        String newName = name == null ? group.name() : PlainText.line(name);
        groups.findByName(newName).filter(other -> !other.id().equals(id)).ifPresent(other -> {
            throw new ConflictException("A group named " + newName + " already exists");
        });
        group.describe(newName, description == null ? group.description() : PlainText.clean(description));
        if (members != null) {
            group.replaceMembers(requireStaff(members));
        }
        audit.record("group.updated", "group:" + id.value(), newName);
        return group;
    }

    @Transactional(readOnly = true)
    public AgentGroup getGroup(GroupId id) {
        return groups.findById(id.value()).orElseThrow(() -> new NotFoundException("Group", id.value()));
    }

    @Transactional(readOnly = true)
    public Optional<AgentGroup> findGroupByName(String name) {
        return groups.findByName(PlainText.line(name));
    }

    @Transactional(readOnly = true)
    public List<AgentGroup> groups() {
        return groups.findAll(org.springframework.data.domain.Sort.by("name"));
    }

    /** Fails with a field error unless the group exists. */
    @Transactional(readOnly = true)
    public void requireGroup(GroupId id, String field) {
        if (!groups.existsById(id.value())) {
            throw new InvalidInputException(field, "no group with id " + id.value());
        }
    }

    private java.util.Set<UserId> requireStaff(Collection<UserId> members) {
        if (members == null) {
            return java.util.Set.of();
        }
        members.forEach(m -> requireAssignableAgent(m, "members"));
        return java.util.Set.copyOf(members);
    }

    /** A desk without an active admin cannot be administered any more: refuse the change that would cause that. */
    private void guardLastAdmin(User user, boolean staysAdmin) {
        if (user.role() == Role.ADMIN
                && user.active()
                && !staysAdmin
                && users.countByRoleAndActiveTrue(Role.ADMIN) <= 1) {
            throw new LastActiveAdminException();
        }
    }

    /** LIKE treats {@code %} and {@code _} as wildcards; a search for "mario_rossi" means the underscore. */
    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private String encodeIfPresent(String password) {
        if (password == null) {
            return null;
        }
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidInputException("password", "must be at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        return passwordEncoder.encode(password);
    }

    private Instant now() {
        return Instant.now(clock);
    }

    private static String target(User user) {
        return "user:" + user.id().value() + " " + user.email();
    }
}
