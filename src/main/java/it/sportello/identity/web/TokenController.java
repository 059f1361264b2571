package it.sportello.identity.web;

import it.sportello.identity.ApiToken;
import it.sportello.identity.ApiTokens;
import it.sportello.identity.CurrentUser;
import it.sportello.identity.UserId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** API tokens: admins create them (the secret is in the answer, once) and revoke them. */
@RestController
@RequestMapping("/api/v1/tokens")
@PreAuthorize("hasRole('ADMIN')")
class TokenController {

    private final ApiTokens tokens;

    TokenController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /** A token to create; without an owner it belongs to the admin creating it. */
    record TokenForm(
            @NotBlank @Size(max = 100) String name,
            @Positive Long userId) {}

    record TokenView(
            long id,
            String name,
            long userId,
            String hint,
            Instant createdAt,
            Instant lastUsedAt,
            Instant revokedAt,
            boolean active) {
        static TokenView of(ApiToken token) {
            return new TokenView(
                    token.id(),
                    token.name(),
                    token.owner().value(),
                    token.hint(),
                    token.createdAt(),
                    token.lastUsedAt(),
                    token.revokedAt(),
                    token.isActive());
        }
    }

    record IssuedTokenView(long id, String name, long userId, String token, Instant createdAt) {}

    @GetMapping
    List<TokenView> list() {
        return tokens.all().stream().map(TokenView::of).toList();
    }

    @PostMapping
    ResponseEntity<IssuedTokenView> create(@Valid @RequestBody TokenForm form, CurrentUser admin) {
        UserId owner = form.userId() == null ? admin.id() : new UserId(form.userId());
        ApiTokens.IssuedToken issued = tokens.issue(owner, form.name());
        ApiToken token = issued.token();
        return ResponseEntity.created(URI.create("/api/v1/tokens/" + token.id()))
                .body(new IssuedTokenView(
                        token.id(), token.name(), token.owner().value(), issued.secret(), token.createdAt()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable long id) {
        tokens.revoke(id);
        return ResponseEntity.noContent().build();
    }
}
