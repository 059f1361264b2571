/**
 * Demo data for a newcomer: an Italian company with two teams, customers and tickets in Italian
 * and English over several channels and statuses. Only with {@code SPORTELLO_DEMO=true}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package it.sportello.demo;
