package it.sportello.identity;

import static it.sportello.support.Api.object;
import static it.sportello.support.Desk.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.Api;
import it.sportello.support.ApiTestCase;
import it.sportello.support.Desk;
import it.sportello.support.IntegrationTest;
import java.time.Instant;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class TokenApiTests extends ApiTestCase {

    @Test
    void showsTheSecretOnlyWhenTheTokenIsCreated() {
        Desk.Person agent = desk.agent();

        Api.Reply created =
                api.post("/api/v1/tokens", ADMIN, object("name", "  Integrazione   CRM ", "userId", agent.id()));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        String secret = created.json().get("token").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/tokens/" + id);
        assertThat(secret).startsWith("sp_").hasSizeGreaterThanOrEqualTo(40);
        assertThat(created.json().get("name").asString()).isEqualTo("Integrazione CRM");
        assertThat(created.json().get("userId").asLong()).isEqualTo(agent.id());

        Api.Reply list = api.get("/api/v1/tokens", ADMIN);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).doesNotContain(secret);
        JsonNode listed = token(list, id);
        assertThat(listed.has("token")).isFalse();
        assertThat(listed.get("hint").asString()).isEqualTo(secret.substring(0, 8));
        assertThat(listed.get("userId").asLong()).isEqualTo(agent.id());
        assertThat(listed.get("active").asBoolean()).isTrue();
        assertThat(listed.get("revokedAt").isNull()).isTrue();
    }

    @Test
    void issuesADifferentSecretEachTime() {
        Desk.Person agent = desk.agent();

        String first = api.post("/api/v1/tokens", ADMIN, object("name", "uno", "userId", agent.id()))
                .json()
                .get("token")
                .asString();
        String second = api.post("/api/v1/tokens", ADMIN, object("name", "uno", "userId", agent.id()))
                .json()
                .get("token")
                .asString();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void aTokenActsWithItsOwnersRole() {
        Desk.Person agent = desk.agent();
        String secret = api.post("/api/v1/tokens", ADMIN, object("name", "agente", "userId", agent.id()))
                .json()
                .get("token")
                .asString();

        assertThat(api.get("/api/v1/users/" + agent.id(), secret).status()).isEqualTo(200);
        Api.Reply tokens = api.get("/api/v1/tokens", secret);
        assertThat(tokens.status()).isEqualTo(403);
        assertThat(tokens.contentType()).startsWith("application/problem+json");
    }

    @Test
    void belongsToTheAdminWhenNoOwnerIsNamed() {
        long admin = api.get("/api/v1/users?exactEmail=admin@sportello.test", ADMIN)
                .json()
                .get("id")
                .asLong();

        Api.Reply created = api.post("/api/v1/tokens", ADMIN, object("name", Api.unique("mio")));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("userId").asLong()).isEqualTo(admin);
        assertThat(api.get("/api/v1/tokens", created.json().get("token").asString())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void revokingATokenStopsItAtOnce() {
        Desk.Person supervisor = desk.supervisor();
        Api.Reply created = api.post("/api/v1/tokens", ADMIN, object("name", "da revocare", "userId", supervisor.id()));
        long id = created.json().get("id").asLong();
        String secret = created.json().get("token").asString();
        assertThat(api.get("/api/v1/users", secret).status()).isEqualTo(200);

        Api.Reply revoked = api.delete("/api/v1/tokens/" + id, ADMIN);

        assertThat(revoked.status()).isEqualTo(204);
        Api.Reply refused = api.get("/api/v1/users", secret);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");
        JsonNode listed = token(api.get("/api/v1/tokens", ADMIN), id);
        assertThat(listed.get("active").asBoolean()).isFalse();
        assertThat(Instant.parse(listed.get("revokedAt").asString()))
                .isBefore(Instant.now().plusSeconds(1));
        assertThat(api.get("/api/v1/users", supervisor.token()).status())
                .as("the owner's other tokens keep working")
                .isEqualTo(200);
    }

    @Test
    void answersNotFoundForRevokingAnUnknownToken() {
        Api.Reply reply = api.delete("/api/v1/tokens/987654321", ADMIN);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    @Test
    void refusesATokenWithoutAName() {
        Api.Reply reply = api.post("/api/v1/tokens", ADMIN, object("name", " "));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(UserApiTests.fields(reply.json())).containsExactly("name");
    }

    @Test
    void refusesATokenForAnUnknownUser() {
        Api.Reply reply = api.post("/api/v1/tokens", ADMIN, object("name", "fantasma", "userId", 987654321));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    @Test
    void onlyAdminsManageTokens() {
        Desk.Person supervisor = desk.supervisor();
        Desk.Person customer = desk.customer();
        long someToken = api.post("/api/v1/tokens", ADMIN, object("name", "altrui", "userId", customer.id()))
                .json()
                .get("id")
                .asLong();

        for (String token : new String[] {supervisor.token(), customer.token()}) {
            assertThat(api.get("/api/v1/tokens", token).status()).isEqualTo(403);
            assertThat(api.post("/api/v1/tokens", token, object("name", "mio")).status())
                    .isEqualTo(403);
            assertThat(api.delete("/api/v1/tokens/" + someToken, token).status())
                    .isEqualTo(403);
        }
        assertThat(token(api.get("/api/v1/tokens", ADMIN), someToken)
                        .get("active")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void refusesAnUnknownTokenWithAChallenge() {
        Api.Reply reply = api.get("/api/v1/users", "sp_" + Api.unique("inventato"));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
        assertThat(reply.json().get("status").asInt()).isEqualTo(401);
        assertThat(reply.json().get("detail").asString()).isNotBlank();
    }

    private static JsonNode token(Api.Reply list, long id) {
        return StreamSupport.stream(list.json().spliterator(), false)
                .filter(t -> t.get("id").asLong() == id)
                .findFirst()
                .orElseThrow(() -> new AssertionError("token " + id + " not listed"));
    }
}
