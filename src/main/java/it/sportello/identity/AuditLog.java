package it.sportello.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit log. Records are written in the caller's transaction, so an action that rolls back
 * leaves no audit line claiming it happened; login attempts, which have no business transaction,
 * get their own.
 */
@Service
public class AuditLog {

    private final AuditEntryRepository entries;
    private final Clock clock;

    AuditLog(AuditEntryRepository entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    /** Records an action by the current caller (or "system" when there is none). */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String action, String target, String details) {
        CurrentUser actor = currentUser();
        save(actor == null ? null : actor.id(), actor == null ? "system" : actor.email(), action, target, details);
    }

    /** Records an action by a named actor that is not (or not yet) the authenticated caller, e.g. a login attempt. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordFor(UserId actorId, String actor, String action, String target, String details) {
        save(actorId, actor, action, target, details);
    }

    @Transactional(readOnly = true)
    public Page<AuditEntry> search(String action, Instant since, Pageable pageable) {
        return entries.search(action, since == null ? Instant.EPOCH : since, pageable);
    }

    /** What to look for in the log; null or blank fields match everything. */
    public record Filter(String actorContains, String actionStartsWith, Instant since, Instant until) {}

    private static final Instant FAR_FUTURE = Instant.parse("9999-12-31T00:00:00Z");

    /** Entries by an actor (part of their e-mail, ignoring case), an action (or family: "user."), a period; newest first. */
    @Transactional(readOnly = true)
    public Page<AuditEntry> search(Filter filter, Pageable pageable) {
        return entries.filter(
                pattern(
                        filter.actorContains() == null
                                ? null
                                : filter.actorContains().toLowerCase(java.util.Locale.ROOT),
                        true),
                pattern(filter.actionStartsWith(), false),
                filter.since() == null ? Instant.EPOCH : filter.since(),
                filter.until() == null ? FAR_FUTURE : filter.until(),
                pageable);
    }

    private static String pattern(String text, boolean anywhere) {
        if (text == null || text.isBlank()) {
            return "%";
        }
        String literal = text.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return (anywhere ? "%" : "") + literal + "%";
    }

    private void save(UserId actorId, String actor, String action, String target, String details) {
        entries.save(new AuditEntry(Instant.now(clock), actorId, actor, action, target, details, remoteAddress()));
    }

    private static CurrentUser currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof CurrentUser user ? user : null;
    }

    private static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
