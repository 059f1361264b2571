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

    @Query("select u from User u where (:email is null or u.email like concat('%', :email, '%'))"
            + " and (:role is null or u.role = :role)")
    Page<User> search(String email, Role role, Pageable pageable);

    List<User> findByIdIn(Collection<Long> ids);
}
