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

    // The casts type a null parameter: PostgreSQL otherwise takes it as bytea and refuses "text like bytea".
    @Query(
            value =
                    "select distinct c from Customer c left join c.identities i"
                            + " where (cast(:email as String) is null or (i.kind = it.sportello.customer.IdentityKind.EMAIL and i.value like concat('%', cast(:email as String), '%')))"
                            + " and (cast(:name as String) is null or lower(c.name) like concat('%', cast(:name as String), '%'))",
            countQuery =
                    "select count(distinct c) from Customer c left join c.identities i"
                            + " where (cast(:email as String) is null or (i.kind = it.sportello.customer.IdentityKind.EMAIL and i.value like concat('%', cast(:email as String), '%')))"
                            + " and (cast(:name as String) is null or lower(c.name) like concat('%', cast(:name as String), '%'))")
    Page<Customer> search(String email, String name, Pageable pageable);

    List<Customer> findByIdIn(Collection<Long> ids);
}
