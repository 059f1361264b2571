package it.sportello.sla;

/**
 * The figures of one part of the desk: a channel ({@code key} its code), a team or an agent
 * ({@code key} their id, or {@code none} for tickets without one) with its name.
 */
public record ComplianceRow(String key, String name, ComplianceFigures figures) {

    public static final String NONE = "none";
}
