package it.sportello.sla.web;

import it.sportello.identity.CurrentUser;
import it.sportello.identity.Role;
import it.sportello.shared.InvalidInputException;
import it.sportello.shared.NotFoundException;
import it.sportello.sla.Compliance;
import it.sportello.sla.ComplianceGrouping;
import it.sportello.sla.ComplianceReport;
import it.sportello.sla.Standard;
import it.sportello.sla.StandardCharter;
import it.sportello.sla.StandardId;
import it.sportello.sla.StandardTerms;
import it.sportello.sla.Standards;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Service standards for integrations: the standards (supervisors and admins change them; every
 * change audited, a stale {@code version} answers 409), the published charter (all staff), and the
 * compliance figures (supervisors and admins; an agent sees the desk's figures and, by agent, only
 * their own row).
 */
@RestController
@RequestMapping("/api/v1/standards")
@PreAuthorize("hasRole('SUPERVISOR')")
class StandardsApiController {

    private final Standards standards;
    private final Compliance compliance;
    private final MessageSource messages;
    private final Clock clock;
    private final ZoneId zone;

    StandardsApiController(
            Standards standards,
            Compliance compliance,
            MessageSource messages,
            Clock clock,
            @Value("${sportello.time-zone:Europe/Rome}") ZoneId zone) {
        this.standards = standards;
        this.compliance = compliance;
        this.messages = messages;
        this.clock = clock;
        this.zone = zone;
    }

    @GetMapping
    List<StandardView> list() {
        List<Standard> all = standards.all();
        List<StandardTerms> terms = standards.terms(all);
        Locale locale = LocaleContextHolder.getLocale();
        return java.util.stream.IntStream.range(0, all.size())
                .mapToObj(i -> StandardView.of(all.get(i), terms.get(i).sentence(messages, locale)))
                .toList();
    }

    @GetMapping("/{id}")
    StandardView get(@PathVariable long id) {
        return view(standards.get(new StandardId(id)));
    }

    @PostMapping
    ResponseEntity<StandardView> create(@RequestBody StandardRequest request) {
        Standard created = standards.create(request.toDraft(standards, null));
        return ResponseEntity.status(HttpStatus.CREATED)
                .header("Location", "/api/v1/standards/" + created.id().value())
                .body(view(created));
    }

    @PutMapping("/{id}")
    StandardView update(@PathVariable long id, @RequestBody StandardRequest request) {
        if (request.version() == null) {
            throw new InvalidInputException("version", "is required: send the version you read");
        }
        return view(standards.update(
                new StandardId(id), request.toDraft(standards, new StandardId(id)), request.version()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id, @RequestParam(required = false) Long version) {
        standards.delete(new StandardId(id), version);
    }

    /** Publishes the active standards as the next charter. */
    @PostMapping("/publish")
    ResponseEntity<CharterView> publish(@AuthenticationPrincipal CurrentUser publisher) {
        return ResponseEntity.status(HttpStatus.CREATED).body(charter(standards.publish(publisher)));
    }

    /** The charter the team reads: the latest published one (404 before the first publication). */
    @GetMapping("/charter")
    @PreAuthorize("hasRole('AGENT')")
    CharterView publishedCharter() {
        return standards
                .publishedCharter()
                .map(this::charter)
                .orElseThrow(() -> new NotFoundException("Charter", "published"));
    }

    /**
     * Per active standard, the share met in [{@code from}, {@code to}) against its floor, with the
     * counts behind it; by {@code groupBy} channel, team or agent as well.
     */
    @GetMapping("/compliance")
    @PreAuthorize("hasRole('AGENT')")
    ComplianceView compliance(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "none") String groupBy,
            @AuthenticationPrincipal CurrentUser viewer) {
        Map<String, String> errors = new LinkedHashMap<>();
        ComplianceGrouping grouping = null;
        try {
            grouping = ComplianceGrouping.fromCode(groupBy);
        } catch (IllegalArgumentException e) {
            errors.put("groupBy", e.getMessage());
        }
        StandardsPeriod period = null;
        try {
            period = StandardsPeriod.parse(from, to, clock, zone);
        } catch (InvalidInputException e) {
            errors.putAll(e.fieldErrors());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ComplianceReport report = compliance.report(
                period.from(), period.to(), grouping, viewer.hasAtLeast(Role.SUPERVISOR) ? null : viewer.id());
        return ComplianceView.of(report);
    }

    /** A published charter with each standard's sentence in the caller's language. */
    record CharterView(long number, Instant publishedAt, String publishedBy, List<CharterEntry> standards) {}

    record CharterEntry(long id, String name, String description, String sentence, java.math.BigDecimal floor) {}

    private CharterView charter(StandardCharter charter) {
        Locale locale = LocaleContextHolder.getLocale();
        return new CharterView(
                charter.number(),
                charter.publishedAt(),
                charter.publishedBy(),
                charter.standards().stream()
                        .map(t -> new CharterEntry(
                                t.id(), t.name(), t.description(), t.sentence(messages, locale), t.floor()))
                        .toList());
    }

    private StandardView view(Standard standard) {
        return StandardView.of(
                standard,
                standards.terms(List.of(standard)).getFirst().sentence(messages, LocaleContextHolder.getLocale()));
    }
}
