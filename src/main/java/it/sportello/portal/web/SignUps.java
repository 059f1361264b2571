package it.sportello.portal.web;

import it.sportello.customer.CustomerManagement;
import it.sportello.identity.Role;
import it.sportello.identity.User;
import it.sportello.identity.UserManagement;
import it.sportello.shared.ConflictException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates a customer account and links it to the customer record for its address, in one
 * transaction: someone who wrote to the desk by e-mail before finds those requests in the portal
 * at once, and a failure leaves neither an account without a customer nor the reverse.
 */
@Component
class SignUps {

    /** The address already has an account (or, rarely, its customer record has another one). */
    static final class AddressTaken extends RuntimeException {
        AddressTaken(Throwable cause) {
            super("The address already has an account", cause);
        }
    }

    private final UserManagement users;
    private final CustomerManagement customers;
    private final TransactionTemplate transactions;

    SignUps(UserManagement users, CustomerManagement customers, PlatformTransactionManager transactionManager) {
        this.users = users;
        this.customers = customers;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    boolean isTaken(String email) {
        return users.findByEmail(email).isPresent();
    }

    User create(SignUpForm form) {
        try {
            return transactions.execute(tx -> {
                User user = users.create(new UserManagement.NewUser(
                        form.email().strip(), form.name().strip(), Role.CUSTOMER, form.locale(), form.password()));
                customers.forAccount(user.asCurrentUser());
                return user;
            });
        } catch (ConflictException | DataIntegrityViolationException e) {
            // Two sign-ups for one address at once: the database's unique address refuses the second.
            throw new AddressTaken(e);
        }
    }
}
