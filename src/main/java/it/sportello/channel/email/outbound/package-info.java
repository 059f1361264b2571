/**
 * Mail from the desk to customers: agents' replies and acknowledgements of new tickets are queued in
 * a durable outbox by event listeners and sent by a scheduled task, retried with back-off, never on
 * an agent's request thread.
 */
package it.sportello.channel.email.outbound;
