package it.sportello.ticket;

import it.sportello.identity.UserId;
import java.time.Instant;

/** A person of the desk answered the customer publicly; {@code firstReply} marks the first answer of the ticket. */
public record AgentReplied(
        TicketId ticketId, MessageId messageId, UserId agentId, boolean firstReply, Instant occurredAt) {}
