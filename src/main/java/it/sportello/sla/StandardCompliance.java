package it.sportello.sla;

import java.math.BigDecimal;
import java.util.List;

/** How one standard fares in a period: its figures for the whole desk, and per part when grouped. */
public record StandardCompliance(
        StandardId id,
        String name,
        StandardMeasure measure,
        BigDecimal floor,
        ComplianceFigures figures,
        List<ComplianceRow> groups) {}
