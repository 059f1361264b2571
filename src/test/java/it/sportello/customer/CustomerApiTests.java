package it.sportello.customer;

import static it.sportello.support.Api.object;
import static it.sportello.support.Desk.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.Api;
import it.sportello.support.ApiTestCase;
import it.sportello.support.Desk;
import it.sportello.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class CustomerApiTests extends ApiTestCase {

    @Test
    void createsACustomerAndShowsThem() {
        String email = Api.unique("Chiara.Fontana") + "@Example.IT";
        String digits = sevenDigits();
        String organisation = Api.unique("Fontana Design");

        Api.Reply created = api.post(
                "/api/v1/customers",
                ADMIN,
                object(
                        "name",
                        "  Chiara   Fontana ",
                        "emails",
                        List.of(email),
                        "phones",
                        List.of("+39 051 " + digits.substring(0, 3) + "-" + digits.substring(3)),
                        "organisation",
                        organisation,
                        "locale",
                        "en",
                        "journeyStage",
                        "decision"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode customer = created.json();
        long id = customer.get("id").asLong();
        assertThat(created.header("Location")).isEqualTo("/api/v1/customers/" + id);
        assertThat(customer.get("name").asString()).isEqualTo("Chiara Fontana");
        assertThat(customer.get("email").asString()).isEqualTo(email.toLowerCase());
        assertThat(texts(customer.get("emails"))).containsExactly(email.toLowerCase());
        assertThat(texts(customer.get("phones"))).containsExactly("+39051" + digits);
        assertThat(customer.get("organisation").asString()).isEqualTo(organisation);
        assertThat(customer.get("locale").asString()).isEqualTo("en");
        assertThat(customer.get("journeyStage").asString()).isEqualTo("decision");
        assertThat(customer.get("hasPortalAccount").asBoolean()).isFalse();

        Api.Reply fetched = api.get("/api/v1/customers/" + id, ADMIN);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json()).isEqualTo(customer);
    }

    @Test
    void namesACustomerAfterTheirAddressUntilTheyTellUs() {
        String local = Api.unique("senza.nome");

        JsonNode customer = create(object("emails", List.of(local + "@example.it")));

        assertThat(customer.get("name").asString()).isEqualTo(local);
        assertThat(customer.get("locale").asString()).isEqualTo("it");
        assertThat(customer.get("journeyStage").asString()).isEqualTo("awareness");
        assertThat(customer.get("organisation").isNull()).isTrue();
    }

    @Test
    void needsAnEmailOrAPhone() {
        Api.Reply reply = api.post("/api/v1/customers", ADMIN, object("name", "Nessun Recapito"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(fields(reply.json())).containsExactly("emails");
        assertThat(api.get("/api/v1/customers?name=nessun%20recapito", ADMIN)
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
    }

    @Test
    void rejectsAddressesThatAreNotAddresses() {
        Api.Reply reply = api.post(
                "/api/v1/customers",
                ADMIN,
                object("emails", List.of("non-una-email"), "phones", List.of("chiamami"), "journeyStage", "decision"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(fields(reply.json()))
                .hasSize(2)
                .allSatisfy(field -> assertThat(field).matches("(emails|phones)\\[0\\].*"));
    }

    @Test
    void rejectsAnUnknownJourneyStage() {
        Api.Reply reply = api.post(
                "/api/v1/customers",
                ADMIN,
                object("emails", List.of(Api.unique("fase") + "@example.it"), "journeyStage", "loyalty"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(fields(reply.json())).containsExactly("journeyStage");
        assertThat(reply.json().get("errors").get(0).get("message").asString()).contains("post_purchase");
    }

    @Test
    void movesACustomerAlongTheirJourney() {
        long id = create(object("emails", List.of(Api.unique("viaggio") + "@example.it")))
                .get("id")
                .asLong();

        for (String stage : List.of("consideration", "decision", "post_purchase", "awareness")) {
            Api.Reply changed = api.patch("/api/v1/customers/" + id, ADMIN, object("journeyStage", stage));
            assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
            assertThat(changed.json().get("journeyStage").asString()).isEqualTo(stage);
        }
        assertThat(api.get("/api/v1/customers/" + id, ADMIN)
                        .json()
                        .get("journeyStage")
                        .asString())
                .isEqualTo("awareness");
    }

    @Test
    void findsCustomersByPartOfTheirEmailOrName() {
        String marker = Api.unique("ricerca");
        long first = create(object("name", "Alba " + marker, "emails", List.of("alba@" + marker + ".example")))
                .get("id")
                .asLong();
        long second = create(object("name", "Bruno Verdi", "emails", List.of("bruno." + marker + "@example.it")))
                .get("id")
                .asLong();
        create(object("name", "Carla Neri", "emails", List.of(Api.unique("carla") + "@example.it")));

        Api.Reply byEmail = api.get("/api/v1/customers?email=" + marker.toUpperCase(), ADMIN);
        assertThat(byEmail.status()).isEqualTo(200);
        assertThat(byEmail.json().get("total").asLong()).isEqualTo(2);
        assertThat(ids(byEmail.json())).containsExactly(first, second);

        Api.Reply byName = api.get("/api/v1/customers?name=ALBA%20" + marker, ADMIN);
        assertThat(ids(byName.json())).containsExactly(first);

        Api.Reply both = api.get("/api/v1/customers?email=" + marker + "&name=bruno", ADMIN);
        assertThat(ids(both.json())).containsExactly(second);
    }

    @Test
    void findsACustomerWithOnlyAPhoneWhenNothingIsFiltered() {
        long id = create(object("name", Api.unique("Solo Telefono"), "phones", List.of("+39 333 " + sevenDigits())))
                .get("id")
                .asLong();

        Api.Reply all = api.get("/api/v1/customers?size=100&sort=createdAt,desc", ADMIN);

        assertThat(all.status()).isEqualTo(200);
        assertThat(ids(all.json())).contains(id);
    }

    @Test
    void findsACustomerByTheirExactEmail() {
        String email = Api.unique("preciso") + "@example.it";
        long id = create(object("emails", List.of(email))).get("id").asLong();

        Api.Reply found = api.get("/api/v1/customers?exactEmail=" + email.toUpperCase(), ADMIN);
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().get("id").asLong()).isEqualTo(id);

        Api.Reply missing = api.get("/api/v1/customers?exactEmail=x" + email, ADMIN);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
    }

    @Test
    void refusesAnEmailThatAnotherCustomerHas() {
        String email = Api.unique("conteso") + "@example.it";
        long owner = create(object("emails", List.of(email))).get("id").asLong();
        long other = create(object("emails", List.of(Api.unique("altro") + "@example.it")))
                .get("id")
                .asLong();

        Api.Reply duplicate = api.post("/api/v1/customers", ADMIN, object("emails", List.of(email.toUpperCase())));
        Api.Reply taken = api.patch("/api/v1/customers/" + other, ADMIN, object("emails", List.of(email)));

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.contentType()).startsWith("application/problem+json");
        assertThat(duplicate.json().get("detail").asString()).contains(String.valueOf(owner));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(api.get("/api/v1/customers?exactEmail=" + email, ADMIN)
                        .json()
                        .get("id")
                        .asLong())
                .isEqualTo(owner);
    }

    @Test
    void treatsOnePhoneNumberWrittenTwoWaysAsTheSame() {
        String digits = sevenDigits();
        String spaced = "+39 051 " + digits.substring(0, 3) + "-" + digits.substring(3);
        String prefixed = "0039 051" + digits;
        JsonNode owner = create(object("phones", List.of(spaced)));

        Api.Reply duplicate = api.post("/api/v1/customers", ADMIN, object("phones", List.of(prefixed)));

        assertThat(texts(owner.get("phones"))).containsExactly("+39051" + digits);
        assertThat(owner.get("name").asString()).isEqualTo("+39051" + digits);
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("detail").asString()).contains("+39051" + digits);
    }

    @Test
    void replacesTheAddressesOfACustomer() {
        String old = Api.unique("vecchia") + "@example.it";
        String fresh = Api.unique("nuova") + "@example.it";
        long id = create(object("emails", List.of(old))).get("id").asLong();

        Api.Reply changed = api.patch("/api/v1/customers/" + id, ADMIN, object("emails", List.of(fresh, old)));

        assertThat(changed.status()).isEqualTo(200);
        assertThat(texts(changed.json().get("emails"))).containsExactlyInAnyOrder(fresh, old);

        Api.Reply dropped = api.patch("/api/v1/customers/" + id, ADMIN, object("emails", List.of(fresh)));
        assertThat(texts(dropped.json().get("emails"))).containsExactly(fresh);
        assertThat(api.get("/api/v1/customers?exactEmail=" + old, ADMIN).status())
                .isEqualTo(404);
        Api.Reply reused = api.post("/api/v1/customers", ADMIN, object("emails", List.of(old)));
        assertThat(reused.status())
                .as("a released address can be given to someone else")
                .isEqualTo(201);
    }

    @Test
    void keepsACustomerUnchangedWhenAChangeWouldLeaveThemUnreachable() {
        String email = Api.unique("raggiungibile") + "@example.it";
        long id = create(object("name", "Resta Uguale", "emails", List.of(email)))
                .get("id")
                .asLong();

        Api.Reply refused =
                api.patch("/api/v1/customers/" + id, ADMIN, object("name", "Cambiato", "emails", List.of()));

        assertThat(refused.status()).isEqualTo(400);
        JsonNode unchanged = api.get("/api/v1/customers/" + id, ADMIN).json();
        assertThat(unchanged.get("name").asString()).isEqualTo("Resta Uguale");
        assertThat(texts(unchanged.get("emails"))).containsExactly(email);
    }

    @Test
    void findsOrCreatesTheOrganisationByName() {
        String organisation = Api.unique("Studio Rossi");
        JsonNode first =
                create(object("emails", List.of(Api.unique("uno") + "@example.it"), "organisation", organisation));
        JsonNode second = create(object(
                "emails", List.of(Api.unique("due") + "@example.it"), "organisation", organisation.toUpperCase()));

        assertThat(first.get("organisation").asString()).isEqualTo(organisation);
        assertThat(second.get("organisation").asString())
                .as("the existing organisation, not a second one spelt differently")
                .isEqualTo(organisation);

        Api.Reply left = api.patch("/api/v1/customers/" + second.get("id").asLong(), ADMIN, object("organisation", ""));
        assertThat(left.json().get("organisation").isNull()).isTrue();
    }

    @Test
    void isForStaffOnly() {
        Desk.Person customer = desk.customer();
        Desk.Person agent = desk.agent();

        assertThat(api.get("/api/v1/customers", customer.token()).status()).isEqualTo(403);
        Api.Reply post = api.post(
                "/api/v1/customers", customer.token(), object("emails", List.of(Api.unique("x") + "@example.it")));
        assertThat(post.status()).isEqualTo(403);
        assertThat(post.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/customers", null).status()).isEqualTo(401);

        assertThat(api.get("/api/v1/customers", agent.token()).status()).isEqualTo(200);
        Api.Reply byAgent = api.post(
                "/api/v1/customers", agent.token(), object("emails", List.of(Api.unique("agente") + "@example.it")));
        assertThat(byAgent.status()).isEqualTo(201);
    }

    @Test
    void findsACustomerFirstMetThroughATicket() {
        String email = Api.unique("Dal.Ticket") + "@example.it";

        desk.ticketFor(email, "Ordine smarrito");

        Api.Reply found = api.get("/api/v1/customers?exactEmail=" + email, ADMIN);
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().get("name").asString()).isEqualTo("Cliente di prova");
        assertThat(texts(found.json().get("emails"))).containsExactly(email.toLowerCase());
        desk.ticketFor(email, "Secondo ordine");
        assertThat(api.get("/api/v1/customers?email=" + email, ADMIN)
                        .json()
                        .get("total")
                        .asLong())
                .as("the second ticket finds the same customer")
                .isEqualTo(1);
    }

    private JsonNode create(Object body) {
        Api.Reply reply = api.post("/api/v1/customers", ADMIN, body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json();
    }

    private static String sevenDigits() {
        return String.valueOf(ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000));
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }
}
