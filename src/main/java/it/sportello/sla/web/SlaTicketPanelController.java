package it.sportello.sla.web;

import it.sportello.identity.CurrentUser;
import it.sportello.shared.web.Dates;
import it.sportello.sla.SlaClock;
import it.sportello.sla.SlaTicketClocks;
import it.sportello.ticket.TicketId;
import it.sportello.ticket.TicketManagement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The ticket page's clocks panel, loaded beside the conversation: "Prima risposta entro 14:30 (tra 2 ore)". */
@Controller
class SlaTicketPanelController {

    private final SlaTicketClocks clocks;
    private final TicketManagement tickets;
    private final Dates dates;
    private final MessageSource messages;
    private final Clock clock;

    SlaTicketPanelController(
            SlaTicketClocks clocks, TicketManagement tickets, Dates dates, MessageSource messages, Clock clock) {
        this.clocks = clocks;
        this.tickets = tickets;
        this.dates = dates;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/tickets/{id}/sla")
    String panel(@PathVariable long id, CurrentUser user, Model model) {
        TicketId ticket = new TicketId(id);
        tickets.requireVisible(ticket, user);
        Instant now = Instant.now(clock);
        Locale locale = LocaleContextHolder.getLocale();
        var board = clocks.of(ticket);
        model.addAttribute("ticketId", id);
        model.addAttribute("policy", board.map(SlaTicketClocks.Board::policy).orElse(null));
        model.addAttribute(
                "rows",
                board.map(b -> b.clocks().stream().map(c -> row(c, now, locale)).toList())
                        .orElse(java.util.List.of()));
        return "sla/clocks :: panel";
    }

    private SlaClockRow row(SlaClock c, Instant now, Locale locale) {
        Instant due = c.dueAt().orElse(null);
        String when = null;
        String distance = null;
        if (due != null) {
            var local = due.atZone(dates.zone());
            when = local.toLocalDate().equals(now.atZone(dates.zone()).toLocalDate())
                    ? local.format(
                            DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale))
                    : dates.full(due);
            distance = distance(Duration.between(now, due), locale);
        }
        return new SlaClockRow(
                c.target().code(), c.state().name().toLowerCase(Locale.ROOT), c.breached(), due, when, distance);
    }

    /** "tra 2 ore", "scaduto da 5 minuti": the time left (or past), rounded to what matters. */
    private String distance(Duration left, Locale locale) {
        boolean past = left.isNegative();
        Duration span = left.abs();
        String key;
        long amount;
        if (span.toMinutes() < 60) {
            key = "minutes";
            amount = Math.max(1, span.toMinutes());
        } else if (span.toHours() < 48) {
            key = "hours";
            amount = span.toHours();
        } else {
            key = "days";
            amount = span.toDays();
        }
        return messages.getMessage("sla.clock." + (past ? "late." : "left.") + key, new Object[] {amount}, locale);
    }
}
