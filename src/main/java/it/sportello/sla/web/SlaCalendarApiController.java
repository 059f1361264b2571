package it.sportello.sla.web;

import it.sportello.sla.CalendarId;
import it.sportello.sla.Calendars;
import it.sportello.sla.ServiceCalendar;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The business calendars over the API: agents read them, supervisors and admins change them. */
@RestController
@RequestMapping("/api/v1/sla/calendars")
@PreAuthorize("hasRole('AGENT')")
class SlaCalendarApiController {

    private final Calendars calendars;

    SlaCalendarApiController(Calendars calendars) {
        this.calendars = calendars;
    }

    @GetMapping
    List<SlaCalendarView> list() {
        return calendars.all().stream().map(SlaCalendarView::of).toList();
    }

    @GetMapping("/{id}")
    SlaCalendarView get(@PathVariable long id) {
        return SlaCalendarView.of(calendars.get(new CalendarId(id)));
    }

    @PostMapping
    @PreAuthorize("hasRole('SUPERVISOR')")
    ResponseEntity<SlaCalendarView> create(@RequestBody SlaCalendarRequest request) {
        ServiceCalendar created = calendars.create(request.name(), request.definition());
        return ResponseEntity.created(
                        URI.create("/api/v1/sla/calendars/" + created.id().value()))
                .body(SlaCalendarView.of(created));
    }

    /** Replaces a calendar; a stale {@code version} is refused with 409. */
    @PutMapping("/{id}")
    @PreAuthorize("hasRole('SUPERVISOR')")
    SlaCalendarView update(@PathVariable long id, @RequestBody SlaCalendarRequest request) {
        return SlaCalendarView.of(
                calendars.update(new CalendarId(id), request.name(), request.definition(), request.version()));
    }

    /** Makes this calendar the default one, the one policies without their own count on. */
    @PostMapping("/{id}/default")
    @PreAuthorize("hasRole('SUPERVISOR')")
    SlaCalendarView makeDefault(@PathVariable long id) {
        return SlaCalendarView.of(calendars.makeDefault(new CalendarId(id)));
    }
}
