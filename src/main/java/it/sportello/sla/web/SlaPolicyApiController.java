package it.sportello.sla.web;

import it.sportello.sla.PolicyId;
import it.sportello.sla.SlaPolicies;
import it.sportello.sla.SlaPolicy;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The service-level policies over the API: agents read them, supervisors and admins change them. */
@RestController
@RequestMapping("/api/v1/sla/policies")
@PreAuthorize("hasRole('AGENT')")
class SlaPolicyApiController {

    private final SlaPolicies policies;

    SlaPolicyApiController(SlaPolicies policies) {
        this.policies = policies;
    }

    /** Every policy in the order they are tried; the catch-all last. */
    @GetMapping
    List<SlaPolicyView> list() {
        return policies.all().stream().map(SlaPolicyView::of).toList();
    }

    @GetMapping("/{id}")
    SlaPolicyView get(@PathVariable long id) {
        return SlaPolicyView.of(policies.get(new PolicyId(id)));
    }

    /** A new policy, tried just before the catch-all. */
    @PostMapping
    @PreAuthorize("hasRole('SUPERVISOR')")
    ResponseEntity<SlaPolicyView> create(@RequestBody SlaPolicyRequest request) {
        SlaPolicy created = policies.create(request.name(), request.rules());
        return ResponseEntity.created(
                        URI.create("/api/v1/sla/policies/" + created.id().value()))
                .body(SlaPolicyView.of(created));
    }

    /** Replaces a policy; a stale {@code version} is refused with 409. */
    @PutMapping("/{id}")
    @PreAuthorize("hasRole('SUPERVISOR')")
    SlaPolicyView update(@PathVariable long id, @RequestBody SlaPolicyRequest request) {
        return SlaPolicyView.of(policies.update(new PolicyId(id), request.name(), request.rules(), request.version()));
    }

    /** Deletes a policy (not the catch-all: 409). */
    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('SUPERVISOR')")
    ResponseEntity<Void> delete(@PathVariable long id, @RequestParam(required = false) Long version) {
        policies.delete(new PolicyId(id), version);
        return ResponseEntity.noContent().build();
    }

    /** Moves a policy one place earlier ({@code direction=up}) or later ({@code down}); the new order. */
    @PostMapping("/{id}/move")
    @PreAuthorize("hasRole('SUPERVISOR')")
    List<SlaPolicyView> move(@PathVariable long id, @RequestParam String direction) {
        boolean up = switch (direction) {
            case "up" -> true;
            case "down" -> false;
            default -> throw new it.sportello.shared.InvalidInputException("direction", "must be up or down");
        };
        return policies.move(new PolicyId(id), up).stream()
                .map(SlaPolicyView::of)
                .toList();
    }
}
