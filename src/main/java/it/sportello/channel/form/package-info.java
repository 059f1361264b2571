/**
 * The public contact form at {@code /contact}: anyone may write to the desk without an account;
 * each submission becomes a ticket on channel {@code web}. Bots meet a honeypot field and a limit
 * per client address.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Contact form")
package it.sportello.channel.form;
