package it.sportello.automation.web;

import it.sportello.automation.AcknowledgementDraft;
import it.sportello.automation.AcknowledgementTemplate;
import it.sportello.automation.AcknowledgementTemplates;
import it.sportello.automation.Action;
import it.sportello.automation.Condition;
import it.sportello.automation.Macro;
import it.sportello.automation.MacroDraft;
import it.sportello.automation.Macros;
import it.sportello.automation.TimeMeasure;
import it.sportello.automation.TimeRule;
import it.sportello.automation.TimeRuleDraft;
import it.sportello.automation.TimeRules;
import it.sportello.automation.Trigger;
import it.sportello.automation.TriggerDraft;
import it.sportello.automation.TriggerEvent;
import it.sportello.automation.Triggers;
import it.sportello.shared.EnumCodes;
import it.sportello.shared.InvalidInputException;
import it.sportello.ticket.Channel;
import it.sportello.ticket.TicketStatus;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Automations for integrations and supervisors: triggers, time rules, macros and acknowledgement
 * templates. A change sends the {@code version} it read; a stale one is refused with 409.
 */
@RestController
@RequestMapping("/api/v1/automations")
@PreAuthorize("hasRole('SUPERVISOR')")
class AutomationApiController {

    private final Triggers triggers;
    private final TimeRules timeRules;
    private final Macros macros;
    private final AcknowledgementTemplates acknowledgements;

    AutomationApiController(
            Triggers triggers, TimeRules timeRules, Macros macros, AcknowledgementTemplates acknowledgements) {
        this.triggers = triggers;
        this.timeRules = timeRules;
        this.macros = macros;
        this.acknowledgements = acknowledgements;
    }

    record TriggerRequest(
            String name,
            TriggerEvent event,
            Boolean active,
            Boolean matchAny,
            List<Condition> conditions,
            List<Action> actions,
            Long version) {

        TriggerDraft draft() {
            return new TriggerDraft(
                    name, event, active == null || active, Boolean.TRUE.equals(matchAny), conditions, actions);
        }
    }

    record TriggerView(
            long id,
            String name,
            TriggerEvent event,
            int position,
            boolean active,
            boolean matchAny,
            List<Condition> conditions,
            List<Action> actions,
            Instant updatedAt,
            long version) {

        static TriggerView of(Trigger t) {
            return new TriggerView(
                    t.id(),
                    t.name(),
                    t.event(),
                    t.position(),
                    t.active(),
                    t.matchAny(),
                    t.conditions(),
                    t.actions(),
                    t.updatedAt(),
                    t.version());
        }
    }

    /** All triggers, in the order they run. */
    @GetMapping("/triggers")
    List<TriggerView> triggers() {
        return triggers.all().stream().map(TriggerView::of).toList();
    }

    @GetMapping("/triggers/{id}")
    TriggerView trigger(@PathVariable long id) {
        return TriggerView.of(triggers.get(id));
    }

    @PostMapping("/triggers")
    ResponseEntity<TriggerView> createTrigger(@RequestBody TriggerRequest request) {
        Trigger created = triggers.create(request.draft());
        return ResponseEntity.created(URI.create("/api/v1/automations/triggers/" + created.id()))
                .body(TriggerView.of(created));
    }

    @PutMapping("/triggers/{id}")
    TriggerView updateTrigger(@PathVariable long id, @RequestBody TriggerRequest request) {
        return TriggerView.of(triggers.update(id, request.draft(), requireVersion(request.version())));
    }

    /** Moves a trigger one place {@code up} (runs earlier) or {@code down}; answers the new order. */
    @PostMapping("/triggers/{id}/move")
    List<TriggerView> moveTrigger(@PathVariable long id, @RequestParam String direction) {
        if (!direction.equals("up") && !direction.equals("down")) {
            throw new InvalidInputException("direction", "must be up or down");
        }
        return triggers.move(id, direction.equals("up")).stream()
                .map(TriggerView::of)
                .toList();
    }

    @DeleteMapping("/triggers/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteTrigger(@PathVariable long id, @RequestParam(required = false) Long version) {
        triggers.delete(id, version);
    }

    record TimeRuleRequest(
            String name,
            Boolean active,
            TimeMeasure measure,
            TicketStatus status,
            Integer afterHours,
            Boolean businessHours,
            Long calendarId,
            Boolean matchAny,
            List<Condition> conditions,
            List<Action> actions,
            Long version) {

        TimeRuleDraft draft() {
            return new TimeRuleDraft(
                    name,
                    active == null || active,
                    measure,
                    status,
                    afterHours,
                    Boolean.TRUE.equals(businessHours),
                    calendarId,
                    Boolean.TRUE.equals(matchAny),
                    conditions,
                    actions);
        }
    }

    record TimeRuleView(
            long id,
            String name,
            boolean active,
            TimeMeasure measure,
            TicketStatus status,
            int afterHours,
            boolean businessHours,
            Long calendarId,
            boolean matchAny,
            List<Condition> conditions,
            List<Action> actions,
            Instant updatedAt,
            long version) {

        static TimeRuleView of(TimeRule r) {
            return new TimeRuleView(
                    r.id(),
                    r.name(),
                    r.active(),
                    r.measure(),
                    r.status(),
                    r.afterHours(),
                    r.businessHours(),
                    r.calendarId(),
                    r.matchAny(),
                    r.conditions(),
                    r.actions(),
                    r.updatedAt(),
                    r.version());
        }
    }

    @GetMapping("/time-rules")
    List<TimeRuleView> timeRules() {
        return timeRules.all().stream().map(TimeRuleView::of).toList();
    }

    @GetMapping("/time-rules/{id}")
    TimeRuleView timeRule(@PathVariable long id) {
        return TimeRuleView.of(timeRules.get(id));
    }

    @PostMapping("/time-rules")
    ResponseEntity<TimeRuleView> createTimeRule(@RequestBody TimeRuleRequest request) {
        TimeRule created = timeRules.create(request.draft());
        return ResponseEntity.created(URI.create("/api/v1/automations/time-rules/" + created.id()))
                .body(TimeRuleView.of(created));
    }

    @PutMapping("/time-rules/{id}")
    TimeRuleView updateTimeRule(@PathVariable long id, @RequestBody TimeRuleRequest request) {
        return TimeRuleView.of(timeRules.update(id, request.draft(), requireVersion(request.version())));
    }

    @DeleteMapping("/time-rules/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteTimeRule(@PathVariable long id, @RequestParam(required = false) Long version) {
        timeRules.delete(id, version);
    }

    record MacroRequest(
            String name,
            Boolean active,
            Long groupId,
            String replyIt,
            String replyEn,
            List<Action> actions,
            Long version) {

        MacroDraft draft() {
            return new MacroDraft(name, active == null || active, groupId, replyIt, replyEn, actions);
        }
    }

    @GetMapping("/macros")
    List<MacroView> macros() {
        return macros.all().stream().map(MacroView::of).toList();
    }

    @GetMapping("/macros/{id}")
    MacroView macro(@PathVariable long id) {
        return MacroView.of(macros.get(id));
    }

    @PostMapping("/macros")
    ResponseEntity<MacroView> createMacro(@RequestBody MacroRequest request) {
        Macro created = macros.create(request.draft());
        return ResponseEntity.created(URI.create("/api/v1/automations/macros/" + created.id()))
                .body(MacroView.of(created));
    }

    @PutMapping("/macros/{id}")
    MacroView updateMacro(@PathVariable long id, @RequestBody MacroRequest request) {
        return MacroView.of(macros.update(id, request.draft(), requireVersion(request.version())));
    }

    @DeleteMapping("/macros/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteMacro(@PathVariable long id, @RequestParam(required = false) Long version) {
        macros.delete(id, version);
    }

    record AcknowledgementRequest(
            Boolean active, String subjectIt, String bodyIt, String subjectEn, String bodyEn, Long version) {}

    record AcknowledgementView(
            String channel,
            boolean active,
            String subjectIt,
            String bodyIt,
            String subjectEn,
            String bodyEn,
            Instant updatedAt,
            long version) {

        static AcknowledgementView of(AcknowledgementTemplate t) {
            return new AcknowledgementView(
                    t.channel().code(),
                    t.active(),
                    t.subjectIt(),
                    t.bodyIt(),
                    t.subjectEn(),
                    t.bodyEn(),
                    t.updatedAt(),
                    t.version());
        }
    }

    /** The acknowledgement templates of the channels that acknowledge in writing (email, web). */
    @GetMapping("/acknowledgements")
    List<AcknowledgementView> acknowledgements() {
        return acknowledgements.all().stream().map(AcknowledgementView::of).toList();
    }

    @GetMapping("/acknowledgements/{channel}")
    AcknowledgementView acknowledgement(@PathVariable String channel) {
        return AcknowledgementView.of(acknowledgements.get(acknowledgingChannel(channel)));
    }

    @PutMapping("/acknowledgements/{channel}")
    AcknowledgementView updateAcknowledgement(
            @PathVariable String channel, @RequestBody AcknowledgementRequest request) {
        return AcknowledgementView.of(acknowledgements.update(
                acknowledgingChannel(channel),
                new AcknowledgementDraft(
                        request.active() == null || request.active(),
                        request.subjectIt(),
                        request.bodyIt(),
                        request.subjectEn(),
                        request.bodyEn()),
                requireVersion(request.version())));
    }

    private static Channel acknowledgingChannel(String code) {
        try {
            Channel channel = EnumCodes.parse(Channel.class, code, "channel");
            if (AcknowledgementTemplate.CHANNELS.contains(channel)) {
                return channel;
            }
        } catch (IllegalArgumentException e) {
            // named below
        }
        throw new InvalidInputException("channel", "must be email or web");
    }

    private static Long requireVersion(Long version) {
        if (version == null) {
            throw new InvalidInputException("version", "send the version you read, so a concurrent change is not lost");
        }
        return version;
    }
}
