package it.sportello.sla;

import java.time.Instant;
import java.util.List;

/**
 * The share of promises kept per active standard for the tickets whose measured time started in
 * [{@code from}, {@code to}), judged at {@code at}.
 */
public record ComplianceReport(
        Instant from, Instant to, Instant at, ComplianceGrouping groupBy, List<StandardCompliance> standards) {}
