package it.sportello.customer;

import it.sportello.identity.CurrentUser;
import it.sportello.shared.ConflictException;
import it.sportello.shared.InvalidInputException;
import it.sportello.shared.NotFoundException;
import it.sportello.shared.PlainText;
import it.sportello.shared.SupportedLocale;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds, creates and changes customers. Channels resolve a sender here ("find or create by
 * e-mail"); every address belongs to exactly one customer, which the database guarantees even
 * when two messages from a new sender arrive at once.
 */
@Service
@Transactional
public class CustomerManagement {

    private final CustomerRepository customers;
    private final OrganisationRepository organisations;
    private final Clock clock;

    CustomerManagement(CustomerRepository customers, OrganisationRepository organisations, Clock clock) {
        this.customers = customers;
        this.organisations = organisations;
        this.clock = clock;
    }

    /** A customer to create: at least one e-mail address or phone number. */
    public record NewCustomer(
            String name,
            List<String> emails,
            List<String> phones,
            String organisation,
            SupportedLocale locale,
            JourneyStage journeyStage) {}

    /** A partial change: null fields stay as they are; lists, when given, replace the current ones. */
    public record CustomerChanges(
            String name,
            List<String> emails,
            List<String> phones,
            String organisation,
            SupportedLocale locale,
            JourneyStage journeyStage) {}

    public Customer create(NewCustomer request) {
        List<String> emails = request.emails() == null ? List.of() : request.emails();
        List<String> phones = request.phones() == null ? List.of() : request.phones();
        if (emails.isEmpty() && phones.isEmpty()) {
            throw new InvalidInputException("emails", "a customer needs at least one e-mail address or phone number");
        }
        Instant now = now();
        Customer customer =
                new Customer(nameOr(request.name(), emails, phones), request.locale(), request.journeyStage(), now);
        claim(customer, IdentityKind.EMAIL, emails, now);
        claim(customer, IdentityKind.PHONE, phones, now);
        if (request.organisation() != null && !request.organisation().isBlank()) {
            customer.moveTo(organisation(request.organisation()), now);
        }
        return customers.save(customer);
    }

    /**
     * A customer known by no address yet (a chat visitor who gave none): the conversation needs
     * someone to belong to, and the address, when it comes, is added or leads to the real customer.
     */
    public Customer createAnonymous(String name, SupportedLocale locale) {
        String shown = name == null ? "" : PlainText.line(name);
        if (shown.isEmpty()) {
            throw new InvalidInputException("name", "an anonymous customer still needs a name to be shown by");
        }
        return customers.save(new Customer(shown, locale, null, now()));
    }

    public Customer update(CustomerId id, CustomerChanges changes) {
        Customer customer = get(id);
        Instant now = now();
        if (changes.name() != null) {
            customer.rename(PlainText.line(changes.name()), now);
        }
        if (changes.emails() != null) {
            claim(customer, IdentityKind.EMAIL, changes.emails(), now);
        }
        if (changes.phones() != null) {
            claim(customer, IdentityKind.PHONE, changes.phones(), now);
        }
        if (customer.addresses(IdentityKind.EMAIL).isEmpty()
                && customer.addresses(IdentityKind.PHONE).isEmpty()) {
            throw new InvalidInputException("emails", "a customer needs at least one e-mail address or phone number");
        }
        if (changes.organisation() != null) {
            customer.moveTo(changes.organisation().isBlank() ? null : organisation(changes.organisation()), now);
        }
        if (changes.locale() != null) {
            customer.speak(changes.locale(), now);
        }
        if (changes.journeyStage() != null) {
            customer.advanceTo(changes.journeyStage(), now);
        }
        return customer;
    }

    /** The customer who writes from this address, created on first contact. */
    public Customer findOrCreateByEmail(String email, String name, SupportedLocale locale) {
        return findOrCreate(IdentityKind.EMAIL, email, name, locale);
    }

    /** The customer who calls or texts from this number, created on first contact. */
    public Customer findOrCreateByPhone(String phone, String name, SupportedLocale locale) {
        return findOrCreate(IdentityKind.PHONE, phone, name, locale);
    }

    /** The customer record behind a customer's portal account, linked (or created) on first use. */
    public Customer forAccount(CurrentUser account) {
        if (!account.isCustomer()) {
            throw new IllegalArgumentException("Only customer accounts have a customer record");
        }
        return customers.findByUserId(account.id().value()).orElseGet(() -> {
            Customer customer = findOrCreateByEmail(account.email(), account.displayName(), null);
            customer.linkAccount(account.id().value(), now());
            return customer;
        });
    }

    @Transactional(readOnly = true)
    public Optional<Customer> findByAccount(CurrentUser account) {
        return customers.findByUserId(account.id().value());
    }

    @Transactional(readOnly = true)
    public Customer get(CustomerId id) {
        return customers.findById(id.value()).orElseThrow(() -> new NotFoundException("Customer", id.value()));
    }

    @Transactional(readOnly = true)
    public Optional<Customer> findByEmail(String email) {
        return customers.findByIdentity(IdentityKind.EMAIL, IdentityKind.EMAIL.normalise(email));
    }

    @Transactional(readOnly = true)
    public Page<Customer> search(String emailContains, String nameContains, Pageable pageable) {
        return customers.search(containing(emailContains), containing(nameContains), pageable);
    }

    @Transactional(readOnly = true)
    public Map<CustomerId, Customer> findAll(Collection<CustomerId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return customers
                .findByIdIn(ids.stream().map(CustomerId::value).distinct().toList())
                .stream()
                .collect(Collectors.toMap(Customer::id, Function.identity()));
    }

    private Customer findOrCreate(IdentityKind kind, String address, String name, SupportedLocale locale) {
        String canonical = kind.normalise(address);
        if (canonical.isBlank()) {
            throw new InvalidInputException(kind == IdentityKind.EMAIL ? "email" : "phone", "must not be blank");
        }
        return customers.findByIdentity(kind, canonical).orElseGet(() -> {
            Instant now = now();
            Customer customer = new Customer(
                    name == null || name.isBlank() ? defaultName(kind, canonical) : PlainText.line(name),
                    locale,
                    null,
                    now);
            customer.addIdentity(kind, canonical, now);
            return customers.save(customer);
        });
    }

    /** Adds the addresses to the customer, refusing any that another customer already has. */
    private void claim(Customer customer, IdentityKind kind, List<String> values, Instant now) {
        for (String value : values) {
            customers
                    .findByIdentity(kind, kind.normalise(value))
                    .filter(other -> other != customer)
                    .ifPresent(other -> {
                        throw new ConflictException(kind.name().toLowerCase(Locale.ROOT) + " " + kind.normalise(value)
                                + " already belongs to customer " + other.id().value());
                    });
        }
        customer.replaceIdentities(kind, values, now);
    }

    private Organisation organisation(String name) {
        String clean = PlainText.line(name);
        return organisations
                .findByNameIgnoreCase(clean)
                .orElseGet(() -> organisations.save(new Organisation(clean, now())));
    }

    private static String nameOr(String name, List<String> emails, List<String> phones) {
        if (name != null && !name.isBlank()) {
            return PlainText.line(name);
        }
        return emails.isEmpty()
                ? defaultName(IdentityKind.PHONE, phones.getFirst())
                : defaultName(IdentityKind.EMAIL, emails.getFirst());
    }

    /** Until we know a name, the part before the @ (or the number) is the friendliest label. */
    private static String defaultName(IdentityKind kind, String address) {
        String canonical = kind.normalise(address);
        return kind == IdentityKind.EMAIL && canonical.contains("@")
                ? canonical.substring(0, canonical.indexOf('@'))
                : canonical;
    }

    /** A LIKE pattern for values containing {@code value}, lower-cased; null when there is nothing to match. */
    private static String containing(String value) {
        return value == null || value.isBlank() ? null : "%" + value.trim().toLowerCase(Locale.ROOT) + "%";
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
