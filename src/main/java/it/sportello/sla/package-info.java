/**
 * Service standards: business calendars (opening hours, the Italian holidays, a company's own days),
 * and — to come — SLA policies with their clocks, and the share of promises kept. Business time
 * is counted here once for every module that promises something "within 8 business hours".
 */
@org.springframework.modulith.ApplicationModule(displayName = "Service standards")
package it.sportello.sla;
