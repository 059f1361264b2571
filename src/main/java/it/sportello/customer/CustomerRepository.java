package it.sportello.customer;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CustomerRepository extends JpaRepository<Customer, Long> {

    @Query("select i.customer from CustomerIdentity i where i.kind = :kind and i.value = :value")
    Optional<Customer> findByIdentity(IdentityKind kind, String value);

    Optional<Customer> findByUserId(Long userId);

    @Query(
            value = "select distinct c from Customer c left join c.identities i"
                    + " where (:email is null or (i.kind = it.sportello.customer.IdentityKind.EMAIL and i.value like concat('%', :email, '%')))"
                    + " and (:name is null or lower(c.name) like concat('%', :name, '%'))",
            countQuery = "select count(distinct c) from Customer c left join c.identities i"
                    + " where (:email is null or (i.kind = it.sportello.customer.IdentityKind.EMAIL and i.value like concat('%', :email, '%')))"
                    + " and (:name is null or lower(c.name) like concat('%', :name, '%'))")
    Page<Customer> search(String email, String name, Pageable pageable);

    List<Customer> findByIdIn(Collection<Long> ids);
}
