package it.sportello.knowledge.web;

import it.sportello.knowledge.Deflections;
import it.sportello.knowledge.Helpfulness;
import it.sportello.knowledge.SearchMisses;
import it.sportello.shared.InvalidInputException;
import it.sportello.shared.web.Dates;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The help center's report for staff: per entry readings, helpful share and comments; the searches
 * that found nothing (what the FAQ database is missing); the requests the help center deflected.
 */
@Controller
class KnowledgeReportController {

    static final int MISSES = 30;

    private final Helpfulness helpfulness;
    private final Deflections deflections;
    private final SearchMisses misses;
    private final Dates dates;
    private final Clock clock;

    KnowledgeReportController(
            Helpfulness helpfulness, Deflections deflections, SearchMisses misses, Dates dates, Clock clock) {
        this.helpfulness = helpfulness;
        this.deflections = deflections;
        this.misses = misses;
        this.dates = dates;
        this.clock = clock;
    }

    @GetMapping("/knowledge/report")
    String report(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            Locale locale,
            HttpServletResponse response,
            Model model) {
        ReportPeriod period;
        try {
            period = ReportPeriod.of(from, to, dates.zone(), clock);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("badPeriod", true);
            period = ReportPeriod.of(null, null, dates.zone(), clock);
        }
        model.addAttribute("from", period.from());
        model.addAttribute("to", period.to());
        model.addAttribute("entries", helpfulness.report(period.period(), HelpCenterController.language(locale)));
        model.addAttribute("misses", misses.mostFrequent(MISSES));
        model.addAttribute("deflections", deflections.count(period.period()));
        model.addAttribute("deflectionMinutes", deflections.window().toMinutes());
        return "knowledge/report";
    }
}
