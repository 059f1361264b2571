package it.sportello.sla;

/** A running clock whose warning or breach has come: its ticket and its target. */
record DueClock(long ticketId, SlaTarget target) {}
