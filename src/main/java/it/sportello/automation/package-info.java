/**
 * Automations: triggers that act on ticket events, time rules checked on the persistent scheduler,
 * macros agents apply from a ticket, and the acknowledgement templates new tickets are answered
 * with. Everything they change on a ticket goes through the ticket module as the desk's own change.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Automations")
package it.sportello.automation;
