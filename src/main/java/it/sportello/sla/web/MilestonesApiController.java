package it.sportello.sla.web;

import it.sportello.identity.CurrentUser;
import it.sportello.shared.InvalidInputException;
import it.sportello.shared.NotFoundException;
import it.sportello.sla.Milestone;
import it.sportello.sla.Milestones;
import it.sportello.ticket.TicketId;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Milestones of a ticket for integrations (a courier's system recording "consegna"). Recording is
 * idempotent per ticket and name: the first record answers 201, the same milestone again 200 with
 * the record already there, unchanged. Staff record and read; supervisors remove a wrong one.
 */
@RestController
@RequestMapping("/api/v1/tickets/{ticketId}/milestones")
@PreAuthorize("hasRole('AGENT')")
class MilestonesApiController {

    private final Milestones milestones;

    MilestonesApiController(Milestones milestones) {
        this.milestones = milestones;
    }

    /** {@code at}: when it was reached (ISO-8601 instant; now when absent). */
    record MilestoneRequest(String name, String at, String note) {}

    record MilestoneView(
            long id, long ticketId, String name, Instant at, String note, Long recordedBy, Instant recordedAt) {

        static MilestoneView of(Milestone m) {
            return new MilestoneView(
                    m.id(),
                    m.ticketId().value(),
                    m.name(),
                    m.reachedAt(),
                    m.note().orElse(null),
                    m.recordedBy().map(u -> u.value()).orElse(null),
                    m.recordedAt());
        }
    }

    @GetMapping
    List<MilestoneView> list(@PathVariable long ticketId) {
        return milestones.of(new TicketId(ticketId)).stream()
                .map(MilestoneView::of)
                .toList();
    }

    @PostMapping
    ResponseEntity<MilestoneView> record(
            @PathVariable long ticketId,
            @RequestBody MilestoneRequest request,
            @AuthenticationPrincipal CurrentUser actor) {
        Instant at = null;
        if (request.at() != null && !request.at().isBlank()) {
            try {
                at = Instant.parse(request.at().trim());
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("at", "must be an ISO-8601 instant, e.g. 2026-12-01T10:00:00Z");
            }
        }
        Milestones.Recorded recorded =
                milestones.record(new TicketId(ticketId), request.name(), at, request.note(), actor);
        return ResponseEntity.status(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(MilestoneView.of(recorded.milestone()));
    }

    @DeleteMapping("/{name}")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable long ticketId, @PathVariable String name) {
        if (!milestones.remove(new TicketId(ticketId), name)) {
            throw new NotFoundException("Milestone", ticketId + "/" + name);
        }
    }
}
