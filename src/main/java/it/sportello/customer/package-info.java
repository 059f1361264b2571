/**
 * The people and companies the desk serves: customers, their organisations, their identities on
 * each channel (e-mail, phone, chat visitor, social handle) and where they are in their journey.
 * Channels call {@link it.sportello.customer.CustomerManagement} to find or create the sender.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customers")
package it.sportello.customer;
