/**
 * Tickets: the conversations with customers, their messages, internal notes and attachments,
 * their status, priority, assignment and tags, and merging. A {@link it.sportello.ticket.Ticket}
 * guards its own transitions and announces them as events ({@code TicketCreated},
 * {@code MessageReceived}, {@code AgentReplied}, ...) that other modules listen to.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tickets")
package it.sportello.ticket;
