package it.sportello.identity;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

    Optional<ApiToken> findByTokenHash(String tokenHash);

    /** An unrevoked token and its active owner, in one round trip: this runs on every API call. */
    @Query(
            "select new it.sportello.identity.ApiTokenRepository$ActiveToken(t, u) from ApiToken t join User u on u.id = t.userId"
                    + " where t.tokenHash = :tokenHash and t.revokedAt is null and u.active = true")
    Optional<ActiveToken> findActiveWithOwner(String tokenHash);

    record ActiveToken(ApiToken token, User owner) {}

    List<ApiToken> findAllByOrderByCreatedAtDesc();

    Page<ApiToken> findAllByOrderByCreatedAtDescIdDesc(Pageable pageable);
}
