/**
 * Service standards: business calendars (opening hours, the Italian holidays, a company's own days),
 * service-level policies (the first that matches a ticket applies) and each ticket's clocks, with
 * warnings, breaches and escalations on the persistent scheduler; service standards (targets with
 * floors), their compliance per period, the published charter, and milestones recorded against
 * tickets. Business time is counted here once for every module that promises something "within 8
 * business hours".
 */
@org.springframework.modulith.ApplicationModule(displayName = "Service standards")
package it.sportello.sla;
