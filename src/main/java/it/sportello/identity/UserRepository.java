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

    /**
     * Users whose e-mail or name (lower-cased) matches the LIKE pattern (null for any), with the role
     * (null for any): the admin's user list, where people search by either.
     */
    @Query("select u from User u where (:pattern is null or u.email like :pattern escape '\\'"
            + " or lower(u.displayName) like :pattern escape '\\')"
            + " and (:role is null or u.role = :role)")
    Page<User> searchByEmailOrName(String pattern, Role role, Pageable pageable);

    List<User> findByActiveTrueAndRoleInOrderByDisplayNameAsc(Collection<Role> roles);

    List<User> findByIdIn(Collection<Long> ids);
}
