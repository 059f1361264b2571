package it.sportello.customer.web;

import it.sportello.customer.CustomerId;
import it.sportello.customer.CustomerManagement;
import it.sportello.shared.NotFoundException;
import it.sportello.shared.web.PageView;
import it.sportello.shared.web.Paging;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Customers, for staff. Customers themselves reach their data only through their tickets. */
@RestController
@RequestMapping("/api/v1/customers")
@PreAuthorize("hasRole('AGENT')")
class CustomerController {

    private static final Map<String, String> SORTABLE =
            Map.of("name", "name", "createdAt", "createdAt", "updatedAt", "updatedAt");

    private final CustomerManagement customers;

    CustomerController(CustomerManagement customers) {
        this.customers = customers;
    }

    @GetMapping
    PageView<CustomerView> search(
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) List<String> sort) {
        return PageView.of(
                customers.search(email, name, Paging.of(page, size, sort, SORTABLE, Sort.by("name"))),
                CustomerView::of);
    }

    @GetMapping(params = "exactEmail")
    CustomerView byEmail(@RequestParam String exactEmail) {
        return customers
                .findByEmail(exactEmail)
                .map(CustomerView::of)
                .orElseThrow(() -> new NotFoundException("Customer with e-mail", exactEmail));
    }

    @GetMapping("/{id}")
    CustomerView get(@PathVariable long id) {
        return CustomerView.of(customers.get(new CustomerId(id)));
    }

    @PostMapping
    ResponseEntity<CustomerView> create(@Valid @RequestBody CustomerForm form) {
        CustomerView created = CustomerView.of(customers.create(new CustomerManagement.NewCustomer(
                form.name(), form.emails(), form.phones(), form.organisation(), form.locale(), form.journeyStage())));
        return ResponseEntity.created(URI.create("/api/v1/customers/" + created.id()))
                .body(created);
    }

    @PatchMapping("/{id}")
    CustomerView update(@PathVariable long id, @Valid @RequestBody CustomerForm form) {
        return CustomerView.of(customers.update(
                new CustomerId(id),
                new CustomerManagement.CustomerChanges(
                        form.name(),
                        form.emails(),
                        form.phones(),
                        form.organisation(),
                        form.locale(),
                        form.journeyStage())));
    }
}
