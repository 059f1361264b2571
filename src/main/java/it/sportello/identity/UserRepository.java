package it.sportello.identity;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UserRepository extends JpaRepository<User, Long> {

    Optional<User> findByEmail(String email);

    boolean existsByRole(Role role);

    long countByRoleAndActiveTrue(Role role);

    /**
     * Users whose e-mail matches the LIKE pattern (null for any) and with the role (null for any).
     * The pattern is built by the caller: PostgreSQL cannot type a null parameter inside concat().
     */
    @Query("select u from User u where (:emailPattern is null or u.email like :emailPattern)"
            + " and (:role is null or u.role = :role)")
    Page<User> search(String emailPattern, Role role, Pageable pageable);

    List<User> findByIdIn(Collection<Long> ids);
}
