package it.sportello.identity.web;

import it.sportello.identity.AuditEntry;
import it.sportello.identity.AuditLog;
import it.sportello.shared.web.Dates;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;

/** The audit log for admins: newest first, filtered by actor, action and period (days in the desk's zone). */
@Controller
@RequestMapping("/admin/audit")
@PreAuthorize("hasRole('ADMIN')")
class AdminAuditController {

    static final int SIZE = 50;

    /** The actions Sportello records today, offered as suggestions; the filter also takes a family ("user."). */
    static final List<String> KNOWN_ACTIONS = List.of(
            "admin.request",
            "group.created",
            "group.updated",
            "login.failed",
            "login.succeeded",
            "token.created",
            "token.revoked",
            "user.activated",
            "user.created",
            "user.deactivated",
            "user.password_changed",
            "user.role_changed",
            "user.updated");

    private final AuditLog audit;
    private final Dates dates;

    AdminAuditController(AuditLog audit, Dates dates) {
        this.audit = audit;
        this.dates = dates;
    }

    @GetMapping
    String list(
            @ModelAttribute("filter") AdminAuditFilter filter,
            BindingResult errors,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            @RequestHeader(name = "HX-History-Restore-Request", required = false) String restore,
            HttpServletResponse response,
            Model model) {
        // An unreadable date leaves no filter object, only the error to show beside its field.
        if (filter != null
                && filter.from() != null
                && filter.to() != null
                && filter.to().isBefore(filter.from())) {
            errors.rejectValue("to", "admin.audit.error.period");
        }
        Page<AuditEntry> page;
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            page = Page.empty(PageRequest.of(0, SIZE));
        } else {
            Instant since = filter.from() == null
                    ? null
                    : filter.from().atStartOfDay(dates.zone()).toInstant();
            Instant until = filter.to() == null
                    ? null
                    : filter.to().plusDays(1).atStartOfDay(dates.zone()).toInstant();
            page = audit.search(
                    new AuditLog.Filter(filter.actor(), filter.action(), since, until),
                    PageRequest.of(AdminPager.index(filter.page()), SIZE));
        }
        model.addAttribute("entries", page.getContent());
        model.addAttribute(
                "pager",
                AdminPager.of(page, "/admin/audit", filter == null ? java.util.Map.of() : filter.parameters()));
        model.addAttribute("knownActions", KNOWN_ACTIONS);
        response.addHeader("Vary", "HX-Request");
        return htmx != null && restore == null ? "identity/admin/audit :: results" : "identity/admin/audit";
    }
}
