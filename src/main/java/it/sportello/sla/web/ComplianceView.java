package it.sportello.sla.web;

import it.sportello.sla.ComplianceFigures;
import it.sportello.sla.ComplianceGrouping;
import it.sportello.sla.ComplianceReport;
import it.sportello.sla.ComplianceRow;
import it.sportello.sla.StandardCompliance;
import it.sportello.sla.StandardMeasure;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Compliance figures as the API shows them: per standard its floor, the share met (0–100, one
 * decimal; null when nothing is decided yet), whether it reaches the floor, and the counts behind.
 */
record ComplianceView(
        Instant from, Instant to, Instant at, ComplianceGrouping groupBy, List<StandardFigures> standards) {

    record StandardFigures(
            long id,
            String name,
            StandardMeasure measure,
            BigDecimal floor,
            BigDecimal share,
            Boolean meetsFloor,
            long met,
            long missed,
            long pending,
            long total,
            List<GroupFigures> groups) {}

    record GroupFigures(
            String key,
            String name,
            BigDecimal share,
            Boolean meetsFloor,
            long met,
            long missed,
            long pending,
            long total) {}

    static ComplianceView of(ComplianceReport report) {
        return new ComplianceView(
                report.from(),
                report.to(),
                report.at(),
                report.groupBy(),
                report.standards().stream().map(ComplianceView::of).toList());
    }

    private static StandardFigures of(StandardCompliance s) {
        ComplianceFigures f = s.figures();
        return new StandardFigures(
                s.id().value(),
                s.name(),
                s.measure(),
                s.floor(),
                f.share(),
                f.meets(s.floor()),
                f.met(),
                f.missed(),
                f.pending(),
                f.total(),
                s.groups().stream().map(row -> of(row, s.floor())).toList());
    }

    private static GroupFigures of(ComplianceRow row, BigDecimal floor) {
        ComplianceFigures f = row.figures();
        return new GroupFigures(
                row.key(), row.name(), f.share(), f.meets(floor), f.met(), f.missed(), f.pending(), f.total());
    }
}
