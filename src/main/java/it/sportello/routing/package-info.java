/**
 * Routing: who gets which ticket. A catalogue of skills (languages, products, channels); per group a
 * strategy (manual, round-robin, least-loaded, skill-based) and required skills; per agent skills,
 * availability per channel and a capacity. Tickets that enter a group's queue unassigned are handed
 * to an agent by the group's strategy, or wait in the queue, most urgent first.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Routing")
package it.sportello.routing;
