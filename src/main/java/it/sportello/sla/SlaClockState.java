package it.sportello.sla;

/** Where a ticket's clock stands: counting, paused while the ticket waits, or stopped (met or no longer owed). */
public enum SlaClockState {
    RUNNING,
    PAUSED,
    STOPPED
}
