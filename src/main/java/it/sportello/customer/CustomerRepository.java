package it.sportello.customer;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CustomerRepository extends JpaRepository<Customer, Long> {

    /** The owner of an address with all their addresses, in one query: every intake asks this. */
    @Query("select c from Customer c left join fetch c.organisation join fetch c.identities"
            + " where c.id = (select i.customer.id from CustomerIdentity i where i.kind = :kind and i.value = :value)")
    Optional<Customer> findByIdentity(IdentityKind kind, String value);

    Optional<Customer> findByUserId(Long userId);

    /**
     * Customers with an e-mail address and a lower-cased name matching these LIKE patterns (null
     * for any). The patterns are built by the caller: PostgreSQL cannot type a null parameter
     * inside concat().
     */
    @Query(
            value = "select distinct c from Customer c left join c.identities i"
                    + " where (:emailPattern is null or (i.kind = it.sportello.customer.IdentityKind.EMAIL and i.value like :emailPattern))"
                    + " and (:namePattern is null or lower(c.name) like :namePattern)",
            countQuery = "select count(distinct c) from Customer c left join c.identities i"
                    + " where (:emailPattern is null or (i.kind = it.sportello.customer.IdentityKind.EMAIL and i.value like :emailPattern))"
                    + " and (:namePattern is null or lower(c.name) like :namePattern)")
    Page<Customer> search(String emailPattern, String namePattern, Pageable pageable);

    List<Customer> findByIdIn(Collection<Long> ids);
}
