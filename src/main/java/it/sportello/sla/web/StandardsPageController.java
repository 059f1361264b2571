package it.sportello.sla.web;

import it.sportello.identity.CurrentUser;
import it.sportello.identity.Role;
import it.sportello.shared.InvalidInputException;
import it.sportello.sla.Compliance;
import it.sportello.sla.ComplianceFigures;
import it.sportello.sla.ComplianceGrouping;
import it.sportello.sla.ComplianceReport;
import it.sportello.sla.ComplianceRow;
import it.sportello.sla.Standard;
import it.sportello.sla.StandardCompliance;
import it.sportello.sla.StandardTerms;
import it.sportello.sla.Standards;
import it.sportello.ticket.Channel;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The live standards page: per active standard the share met against its floor for a period,
 * for the whole desk or per channel, team or agent (an agent sees only their own row there). The
 * figures refresh themselves every 30 seconds (htmx asks for the fragment alone).
 */
@Controller
@RequestMapping("/standards")
@PreAuthorize("hasRole('AGENT')")
class StandardsPageController {

    private final Compliance compliance;
    private final Standards standards;
    private final MessageSource messages;
    private final Clock clock;
    private final ZoneId zone;

    StandardsPageController(
            Compliance compliance,
            Standards standards,
            MessageSource messages,
            Clock clock,
            @Value("${sportello.time-zone:Europe/Rome}") ZoneId zone) {
        this.compliance = compliance;
        this.standards = standards;
        this.messages = messages;
        this.clock = clock;
        this.zone = zone;
    }

    /** What the page is asked for: a named period or dates, and a breakdown; anything unreadable falls back. */
    record StandardsFilter(String period, LocalDate from, LocalDate to, String groupBy) {

        public StandardsPeriod.Preset preset() {
            for (StandardsPeriod.Preset p : StandardsPeriod.Preset.values()) {
                if (p.name().equalsIgnoreCase(period == null ? "" : period)) {
                    return p;
                }
            }
            return StandardsPeriod.Preset.WEEK;
        }

        public ComplianceGrouping grouping() {
            for (ComplianceGrouping g : ComplianceGrouping.values()) {
                if (g.code().equalsIgnoreCase(groupBy == null ? "" : groupBy)) {
                    return g;
                }
            }
            return ComplianceGrouping.NONE;
        }

        /** The query string that asks for these figures again (the fragment's polling address). */
        public String query() {
            StringBuilder q =
                    new StringBuilder("period=").append(preset().name().toLowerCase(Locale.ROOT));
            if (preset() == StandardsPeriod.Preset.CUSTOM) {
                q.append("&from=")
                        .append(from == null ? "" : from)
                        .append("&to=")
                        .append(to == null ? "" : to);
            }
            return q.append("&groupBy=").append(grouping().code()).toString();
        }
    }

    /** One bar: a share against a floor, with the counts behind it. */
    record Bar(
            String label,
            BigDecimal share,
            String shareText,
            Boolean meets,
            long met,
            long missed,
            long pending,
            long total) {

        static Bar of(String label, ComplianceFigures f, BigDecimal floor, Locale locale) {
            return new Bar(
                    label,
                    f.share(),
                    f.share() == null ? "–" : percent(f.share(), locale),
                    f.meets(floor),
                    f.met(),
                    f.missed(),
                    f.pending(),
                    f.total());
        }

        /** The bar's width in percent, as CSS wants it ("93.3"). */
        public String width() {
            return share == null ? "0" : share.toPlainString();
        }

        public String state() {
            return meets == null ? "none" : meets ? "ok" : "below";
        }
    }

    record Card(long id, String name, String sentence, BigDecimal floor, String floorText, Bar whole, List<Bar> rows) {}

    record Figures(
            List<Card> cards,
            String grouping,
            String range,
            String updatedAt,
            String query,
            LocalDate fromDate,
            LocalDate toDate) {}

    /** "93,3 %" in Italian, "93.3 %" in English; "100 %" without a needless decimal. */
    static String percent(BigDecimal value, Locale locale) {
        return new java.text.DecimalFormat("0.#", java.text.DecimalFormatSymbols.getInstance(locale)).format(value)
                + " %";
    }

    @GetMapping
    String page(
            @ModelAttribute("filter") StandardsFilter filter,
            @AuthenticationPrincipal CurrentUser viewer,
            Model model,
            HttpServletResponse response) {
        model.addAttribute("figures", figures(filter, viewer, model, response));
        model.addAttribute("presets", StandardsPeriod.Preset.values());
        model.addAttribute("groupings", ComplianceGrouping.values());
        model.addAttribute("supervisor", viewer.hasAtLeast(Role.SUPERVISOR));
        return "sla/standards";
    }

    @GetMapping("/figures")
    String figuresOnly(
            @ModelAttribute("filter") StandardsFilter filter,
            @AuthenticationPrincipal CurrentUser viewer,
            Model model,
            HttpServletResponse response) {
        model.addAttribute("figures", figures(filter, viewer, model, response));
        return "sla/standards :: figures";
    }

    private Figures figures(StandardsFilter filter, CurrentUser viewer, Model model, HttpServletResponse response) {
        StandardsPeriod period = StandardsPeriod.of(filter.preset(), clock, zone);
        if (filter.preset() == StandardsPeriod.Preset.CUSTOM && filter.from() != null && filter.to() != null) {
            try {
                period = StandardsPeriod.parse(
                        filter.from().toString(), filter.to().toString(), clock, zone);
                if (period.length().compareTo(java.time.Duration.ofDays(400)) > 0) {
                    throw new InvalidInputException("to", "too long");
                }
            } catch (InvalidInputException e) {
                model.addAttribute("periodError", true);
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
                period = StandardsPeriod.of(StandardsPeriod.Preset.WEEK, clock, zone);
            }
        }
        ComplianceGrouping grouping = filter.grouping();
        ComplianceReport report = compliance.report(
                period.from(), period.to(), grouping, viewer.hasAtLeast(Role.SUPERVISOR) ? null : viewer.id());
        Locale locale = LocaleContextHolder.getLocale();
        List<Standard> active = standards.active();
        Map<Long, String> sentences = new HashMap<>();
        List<StandardTerms> terms = standards.terms(active);
        for (StandardTerms t : terms) {
            sentences.put(t.id(), t.sentence(messages, locale));
        }
        List<Card> cards = report.standards().stream()
                .map(s -> card(s, sentences.get(s.id().value()), grouping, locale))
                .toList();
        DateTimeFormatter day =
                DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        String range = messages.getMessage(
                "standards.range",
                new Object[] {
                    period.from().atZone(zone).toLocalDate().format(day),
                    period.to().minusNanos(1).atZone(zone).toLocalDate().format(day)
                },
                locale);
        String updated = messages.getMessage(
                "standards.updated",
                new Object[] {
                    Instant.now(clock)
                            .atZone(zone)
                            .toLocalTime()
                            .format(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                                    .withLocale(locale))
                },
                locale);
        return new Figures(
                cards,
                grouping.code(),
                range,
                updated,
                filter.query(),
                period.from().atZone(zone).toLocalDate(),
                period.to().minusNanos(1).atZone(zone).toLocalDate());
    }

    private Card card(StandardCompliance s, String sentence, ComplianceGrouping grouping, Locale locale) {
        List<Bar> rows = s.groups().stream()
                .map(row -> Bar.of(rowLabel(row, grouping, locale), row.figures(), s.floor(), locale))
                .toList();
        return new Card(
                s.id().value(),
                s.name(),
                sentence,
                s.floor(),
                percent(s.floor(), locale),
                Bar.of(s.name(), s.figures(), s.floor(), locale),
                rows);
    }

    private String rowLabel(ComplianceRow row, ComplianceGrouping grouping, Locale locale) {
        if (grouping == ComplianceGrouping.CHANNEL) {
            String name = messages.getMessage(
                    "standards.channel." + Channel.fromCode(row.key()).code(), null, locale);
            return name.substring(0, 1).toUpperCase(locale) + name.substring(1);
        }
        if (row.key().equals(ComplianceRow.NONE)) {
            return messages.getMessage("standards.group.none", null, locale);
        }
        return row.name();
    }
}
