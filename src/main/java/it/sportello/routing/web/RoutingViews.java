package it.sportello.routing.web;

import it.sportello.identity.AgentGroup;
import it.sportello.identity.GroupId;
import it.sportello.identity.User;
import it.sportello.identity.UserId;
import it.sportello.identity.UserManagement;
import it.sportello.routing.AgentProfile;
import it.sportello.routing.GroupRouting;
import it.sportello.routing.Queues;
import it.sportello.routing.RoutingSetup;
import it.sportello.routing.RoutingStrategy;
import it.sportello.routing.Skill;
import it.sportello.routing.SkillId;
import it.sportello.routing.SkillKind;
import it.sportello.shared.NotFoundException;
import it.sportello.ticket.Channel;
import it.sportello.ticket.Priority;
import it.sportello.ticket.Ticket;
import it.sportello.ticket.TicketStatus;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** What the routing API and pages show of skills, groups, agents and queues. */
@Component
class RoutingViews {

    private final RoutingSetup setup;
    private final UserManagement users;

    RoutingViews(RoutingSetup setup, UserManagement users) {
        this.setup = setup;
        this.users = users;
    }

    record SkillView(long id, SkillKind kind, String code, String name) {
        static SkillView of(Skill skill) {
            return new SkillView(skill.id().value(), skill.kind(), skill.code(), skill.name());
        }
    }

    record GroupRoutingView(
            long groupId,
            String name,
            RoutingStrategy strategy,
            List<Long> requiredSkills,
            List<Long> members,
            long version) {
        static GroupRoutingView of(AgentGroup group, GroupRouting routing) {
            return new GroupRoutingView(
                    group.id().value(),
                    group.name(),
                    routing.strategy(),
                    routing.requiredSkills().stream()
                            .map(SkillId::value)
                            .sorted()
                            .toList(),
                    group.members().stream().map(UserId::value).sorted().toList(),
                    routing.version());
        }
    }

    record SkillLevelView(long skillId, int level) {}

    record AgentView(
            long userId,
            String displayName,
            String email,
            String role,
            int capacity,
            List<Channel> availableOn,
            List<SkillLevelView> skills,
            long openTickets,
            Instant lastAssignedAt,
            long version) {

        static AgentView of(User user, AgentProfile profile, long load) {
            return new AgentView(
                    user.id().value(),
                    user.displayName(),
                    user.email(),
                    user.role().code(),
                    profile.capacity(),
                    profile.availableOn().stream().sorted().toList(),
                    profile.skills().entrySet().stream()
                            .map(e -> new SkillLevelView(e.getKey().value(), e.getValue()))
                            .sorted(Comparator.comparingLong(SkillLevelView::skillId))
                            .toList(),
                    load,
                    profile.lastAssignedAt().orElse(null),
                    profile.version());
        }
    }

    record QueuedTicketView(
            long id,
            String subject,
            Channel channel,
            Priority priority,
            TicketStatus status,
            Instant createdAt,
            Instant slaDueAt,
            Long groupId,
            Long assigneeId) {
        static QueuedTicketView of(Ticket ticket) {
            return new QueuedTicketView(
                    ticket.id().value(),
                    ticket.subject(),
                    ticket.channel(),
                    ticket.priority(),
                    ticket.status(),
                    ticket.createdAt(),
                    ticket.slaDueAt().orElse(null),
                    ticket.group().map(GroupId::value).orElse(null),
                    ticket.assignee().map(UserId::value).orElse(null));
        }
    }

    record QueueView(
            long groupId, String name, RoutingStrategy strategy, long waiting, List<QueuedTicketView> tickets) {
        static QueueView of(Queues.GroupQueue queue) {
            return new QueueView(
                    queue.group().id().value(),
                    queue.group().name(),
                    queue.strategy(),
                    queue.waiting(),
                    queue.tickets().stream().map(QueuedTicketView::of).toList());
        }
    }

    List<GroupRoutingView> groups() {
        Map<GroupId, GroupRouting> routings = setup.groupRoutings();
        return users.groups().stream()
                .map(g -> GroupRoutingView.of(g, routings.getOrDefault(g.id(), setup.groupRouting(g.id()))))
                .toList();
    }

    GroupRoutingView group(GroupId id) {
        return GroupRoutingView.of(users.getGroup(id), setup.groupRouting(id));
    }

    /** Every active member of staff with their routing profile and load, by name. */
    List<AgentView> agents() {
        List<User> staff = users.activeStaff();
        Map<UserId, AgentProfile> profiles = setup.profiles();
        Map<UserId, Long> loads = setup.loads(staff.stream().map(User::id).toList());
        return staff.stream()
                .map(u -> AgentView.of(
                        u, profiles.getOrDefault(u.id(), setup.profile(u.id())), loads.getOrDefault(u.id(), 0L)))
                .toList();
    }

    AgentView agent(UserId id) {
        User user = users.findById(id)
                .filter(u -> u.role().isStaff())
                .orElseThrow(() -> new NotFoundException("Agent", id.value()));
        return AgentView.of(user, setup.profile(id), setup.loads(List.of(id)).getOrDefault(id, 0L));
    }
}
