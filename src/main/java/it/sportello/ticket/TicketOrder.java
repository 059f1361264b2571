package it.sportello.ticket;

import it.sportello.shared.EnumCodes;

/**
 * The orders a ticket list offers people. Each ends with the id, so rows with equal keys keep
 * one order and no ticket shows up on two pages.
 */
public enum TicketOrder {
    /** Latest activity first: what needs a look now (the inbox default). */
    UPDATED_NEWEST,
    /** Longest without activity first: what has waited the most. */
    UPDATED_OLDEST,
    /** Most recently opened first. */
    CREATED_NEWEST,
    /** Urgent first, then high, normal, low; latest activity first within a priority. */
    PRIORITY,
    /** Service-level urgency: the clock that falls due first comes first; tickets without a running clock last. */
    SLA_DUE;

    public String code() {
        return EnumCodes.code(this);
    }

    public static TicketOrder fromCode(String code) {
        return EnumCodes.parse(TicketOrder.class, code, "sort");
    }
}
