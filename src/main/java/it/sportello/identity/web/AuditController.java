package it.sportello.identity.web;

import it.sportello.identity.AuditEntry;
import it.sportello.identity.AuditLog;
import it.sportello.shared.web.PageView;
import it.sportello.shared.web.Paging;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log, newest first, for admins only. */
@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasRole('ADMIN')")
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    record AuditEntryView(
            long id,
            Instant occurredAt,
            Long actorId,
            String actor,
            String action,
            String target,
            String details,
            String remoteAddress) {
        static AuditEntryView of(AuditEntry entry) {
            return new AuditEntryView(
                    entry.id(),
                    entry.occurredAt(),
                    entry.actorId() == null ? null : entry.actorId().value(),
                    entry.actor(),
                    entry.action(),
                    entry.target(),
                    entry.details(),
                    entry.remoteAddress());
        }
    }

    @GetMapping
    PageView<AuditEntryView> search(
            @RequestParam(required = false) String action,
            @RequestParam(required = false) Instant since,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PageView.of(
                audit.search(action, since, Paging.of(page, size, List.of(), Map.of(), Sort.unsorted())),
                AuditEntryView::of);
    }
}
