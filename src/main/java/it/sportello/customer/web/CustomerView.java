package it.sportello.customer.web;

import it.sportello.customer.Customer;
import it.sportello.customer.IdentityKind;
import it.sportello.customer.JourneyStage;
import it.sportello.customer.Organisation;
import it.sportello.shared.SupportedLocale;
import java.time.Instant;
import java.util.List;

/** A customer as the API shows it. */
record CustomerView(
        long id,
        String name,
        String email,
        List<String> emails,
        List<String> phones,
        String organisation,
        SupportedLocale locale,
        JourneyStage journeyStage,
        boolean hasPortalAccount,
        Instant createdAt,
        Instant updatedAt) {

    static CustomerView of(Customer c) {
        return new CustomerView(
                c.id().value(),
                c.name(),
                c.primaryEmail().orElse(null),
                c.addresses(IdentityKind.EMAIL),
                c.addresses(IdentityKind.PHONE),
                c.organisation().map(Organisation::name).orElse(null),
                c.locale(),
                c.journeyStage(),
                c.userId().isPresent(),
                c.createdAt(),
                c.updatedAt());
    }
}
