/**
 * The e-mail channel: raw messages arrive from IMAP mailboxes or a mail server's pipe, are stored
 * before anything else, then parsed, threaded onto tickets and answered; agents' replies leave
 * through a durable outbox. Loops, bounces and auto-replies never start a conversation.
 */
@org.springframework.modulith.ApplicationModule(displayName = "E-mail channel")
package it.sportello.channel.email;
