package it.sportello.routing.web;

import it.sportello.identity.CurrentUser;
import it.sportello.identity.GroupId;
import it.sportello.identity.UserId;
import it.sportello.routing.Queues;
import it.sportello.routing.RoutingSetup;
import it.sportello.routing.RoutingStrategy;
import it.sportello.routing.SkillId;
import it.sportello.routing.SkillKind;
import it.sportello.routing.TicketRouter;
import it.sportello.shared.InvalidInputException;
import it.sportello.ticket.Channel;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Routing for integrations: the skill catalogue, groups' strategies, agents' profiles and
 * availability, the queues and "take the next one". Staff read; supervisors change; an agent
 * changes their own availability and capacity.
 */
@RestController
@RequestMapping("/api/v1/routing")
@PreAuthorize("hasRole('AGENT')")
class RoutingApiController {

    private final RoutingSetup setup;
    private final Queues queues;
    private final TicketRouter router;
    private final RoutingViews views;

    RoutingApiController(RoutingSetup setup, Queues queues, TicketRouter router, RoutingViews views) {
        this.setup = setup;
        this.queues = queues;
        this.router = router;
        this.views = views;
    }

    // Skills

    record SkillRequest(SkillKind kind, String code, String name) {}

    record SkillRename(String name) {}

    @GetMapping("/skills")
    List<RoutingViews.SkillView> skills() {
        return setup.skills().stream().map(RoutingViews.SkillView::of).toList();
    }

    @PostMapping("/skills")
    @PreAuthorize("hasRole('SUPERVISOR')")
    ResponseEntity<RoutingViews.SkillView> addSkill(@RequestBody SkillRequest request) {
        RoutingViews.SkillView created =
                RoutingViews.SkillView.of(setup.addSkill(request.kind(), request.code(), request.name()));
        return ResponseEntity.created(URI.create("/api/v1/routing/skills/" + created.id()))
                .body(created);
    }

    @PatchMapping("/skills/{id}")
    @PreAuthorize("hasRole('SUPERVISOR')")
    RoutingViews.SkillView renameSkill(@PathVariable long id, @RequestBody SkillRename request) {
        return RoutingViews.SkillView.of(setup.renameSkill(new SkillId(id), request.name()));
    }

    @DeleteMapping("/skills/{id}")
    @PreAuthorize("hasRole('SUPERVISOR')")
    ResponseEntity<Void> removeSkill(@PathVariable long id) {
        setup.removeSkill(new SkillId(id));
        return ResponseEntity.noContent().build();
    }

    // Groups

    record GroupRequest(RoutingStrategy strategy, List<Long> requiredSkills, Long version) {}

    @GetMapping("/groups")
    List<RoutingViews.GroupRoutingView> groups() {
        return views.groups();
    }

    @GetMapping("/groups/{id}")
    RoutingViews.GroupRoutingView group(@PathVariable long id) {
        return views.group(new GroupId(id));
    }

    @PutMapping("/groups/{id}")
    @PreAuthorize("hasRole('SUPERVISOR')")
    RoutingViews.GroupRoutingView configureGroup(@PathVariable long id, @RequestBody GroupRequest request) {
        setup.configureGroup(
                new GroupId(id),
                request.strategy(),
                request.requiredSkills() == null
                        ? List.of()
                        : request.requiredSkills().stream().map(SkillId::new).toList(),
                request.version());
        return views.group(new GroupId(id));
    }

    // Agents

    record SkillLevel(Long skillId, Integer level) {}

    record ProfileRequest(List<SkillLevel> skills, Set<Channel> availableOn, Integer capacity, Long version) {}

    record AvailabilityRequest(Set<Channel> availableOn, Integer capacity) {}

    @GetMapping("/agents")
    List<RoutingViews.AgentView> agents() {
        return views.agents();
    }

    @GetMapping("/agents/me")
    RoutingViews.AgentView me(@AuthenticationPrincipal CurrentUser viewer) {
        return views.agent(viewer.id());
    }

    @GetMapping("/agents/{id}")
    RoutingViews.AgentView agent(@PathVariable long id) {
        return views.agent(new UserId(id));
    }

    @PutMapping("/agents/{id}")
    @PreAuthorize("hasRole('SUPERVISOR')")
    RoutingViews.AgentView changeProfile(
            @PathVariable long id, @RequestBody ProfileRequest request, @AuthenticationPrincipal CurrentUser actor) {
        setup.changeProfile(
                new UserId(id),
                new RoutingSetup.ProfileChanges(
                        request.skills() == null ? null : levels(request.skills()),
                        request.availableOn(),
                        request.capacity(),
                        request.version()),
                actor);
        return views.agent(new UserId(id));
    }

    /** An agent's availability per channel and capacity: their own, or anyone's for a supervisor. */
    @PutMapping("/agents/{id}/availability")
    RoutingViews.AgentView changeAvailability(
            @PathVariable long id,
            @RequestBody AvailabilityRequest request,
            @AuthenticationPrincipal CurrentUser actor) {
        if (request.availableOn() == null && request.capacity() == null) {
            throw new InvalidInputException("availableOn", "send availableOn, capacity or both");
        }
        setup.changeProfile(
                new UserId(id),
                new RoutingSetup.ProfileChanges(null, request.availableOn(), request.capacity(), null),
                actor);
        return views.agent(new UserId(id));
    }

    // Queues

    @GetMapping("/queues")
    List<RoutingViews.QueueView> queues(
            @RequestParam(defaultValue = "false") boolean all,
            @RequestParam(defaultValue = "25") int limit,
            @AuthenticationPrincipal CurrentUser viewer) {
        return queues.of(viewer, all, limit(limit)).stream()
                .map(RoutingViews.QueueView::of)
                .toList();
    }

    @GetMapping("/queues/{groupId}")
    RoutingViews.QueueView queue(
            @PathVariable long groupId,
            @RequestParam(defaultValue = "25") int limit,
            @AuthenticationPrincipal CurrentUser viewer) {
        return RoutingViews.QueueView.of(queues.of(new GroupId(groupId), viewer, limit(limit)));
    }

    /** Assigns the caller the most urgent ticket they may take: 200 with it, or 204 when none waits. */
    @PostMapping("/queues/next")
    ResponseEntity<RoutingViews.QueuedTicketView> takeNext(@AuthenticationPrincipal CurrentUser agent) {
        return router.takeNext(agent)
                .map(RoutingViews.QueuedTicketView::of)
                .map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    private static int limit(int limit) {
        if (limit < 1 || limit > Queues.MAX_SHOWN) {
            throw new InvalidInputException("limit", "from 1 to " + Queues.MAX_SHOWN);
        }
        return limit;
    }

    private static Map<SkillId, Integer> levels(List<SkillLevel> skills) {
        Map<SkillId, Integer> levels = new LinkedHashMap<>();
        for (int i = 0; i < skills.size(); i++) {
            SkillLevel skill = skills.get(i);
            if (skill == null || skill.skillId() == null) {
                throw new InvalidInputException("skills[" + i + "].skillId", "must be given");
            }
            if (levels.put(new SkillId(skill.skillId()), skill.level() == null ? 1 : skill.level()) != null) {
                throw new InvalidInputException("skills[" + i + "].skillId", "is listed twice");
            }
        }
        return levels;
    }
}
