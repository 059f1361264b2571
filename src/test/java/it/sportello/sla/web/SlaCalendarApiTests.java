package it.sportello.sla.web;

import static it.sportello.support.Api.object;
import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.Api;
import it.sportello.support.ApiTestCase;
import it.sportello.support.AuditTrail;
import it.sportello.support.Desk;
import it.sportello.support.IntegrationTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The business calendars over the API: office hours out of the box, split shifts, stale saves, bad zones. */
@IntegrationTest
class SlaCalendarApiTests extends ApiTestCase {

    private static final String CALENDARS = "/api/v1/sla/calendars";

    @Test
    void officeHoursAndAroundTheClockComeOutOfTheBox() {
        JsonNode office = api.get(CALENDARS + "/1", Desk.ADMIN).json();
        assertThat(office.get("name").asString()).isEqualTo("Orario d'ufficio");
        assertThat(office.get("zone").asString()).isEqualTo("Europe/Rome");
        assertThat(office.get("week").get("MONDAY").get(0).get("from").asString())
                .startsWith("09:00");
        assertThat(office.get("week").has("SATURDAY")).isFalse();
        assertThat(office.get("italianHolidays").asBoolean()).isTrue();
        assertThat(api.get(CALENDARS + "/2", Desk.ADMIN).json().get("name").asString())
                .isEqualTo("Sempre aperto");
    }

    @Test
    void aSupervisorKeepsASplitShiftCalendarAndAStaleSaveIsRefused() {
        Instant since = Instant.now().minusSeconds(1);
        Desk.Person supervisor = desk.supervisor();
        String name = Api.unique("Telefono");
        Map<String, Object> phone = object(
                "name",
                name,
                "zone",
                "Europe/Rome",
                "week",
                Map.of(
                        "MONDAY",
                        List.of(object("from", "09:00", "to", "13:00"), object("from", "14:00", "to", "18:00"))),
                "italianHolidays",
                true,
                "closedDays",
                List.of("2027-06-24"),
                "specialDays",
                Map.of("2027-12-24", List.of(object("from", "09:00", "to", "12:00"))));

        Api.Reply created = api.post(CALENDARS, supervisor.token(), phone);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("week").get("MONDAY")).hasSize(2);
        assertThat(created.json().get("closedDays").get(0).asString()).isEqualTo("2027-06-24");

        phone.put("version", created.json().get("version").asLong());
        phone.put("name", name + " bis");
        assertThat(api.sendJson("PUT", CALENDARS + "/" + id, supervisor.token(), phone)
                        .status())
                .isEqualTo(200);
        phone.put("name", name + " ter");
        Api.Reply stale = api.sendJson("PUT", CALENDARS + "/" + id, supervisor.token(), phone);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(api.get(CALENDARS + "/" + id, Desk.ADMIN).json().get("name").asString())
                .isEqualTo(name + " bis");

        AuditTrail audit = new AuditTrail(api);
        assertThat(audit.entries("sla.calendar.create", since))
                .anySatisfy(e -> assertThat(e.get("target").asString()).isEqualTo("calendar:" + id));
        assertThat(audit.entries("sla.calendar.update", since))
                .anySatisfy(e -> assertThat(e.get("target").asString()).isEqualTo("calendar:" + id));
    }

    @Test
    void anUnknownZoneOrOverlappingPeriodsAreRefused() {
        int before = api.get(CALENDARS, Desk.ADMIN).json().size();
        Api.Reply zone = api.post(
                CALENDARS,
                Desk.ADMIN,
                object("name", Api.unique("Luna"), "zone", "Europe/Atlantide", "week", Map.of()));
        assertThat(zone.status()).as(zone.toString()).isEqualTo(400);
        assertThat(zone.body()).contains("zone");

        Api.Reply overlap = api.post(
                CALENDARS,
                Desk.ADMIN,
                object(
                        "name", Api.unique("Sovrapposto"),
                        "zone", "Europe/Rome",
                        "week",
                                Map.of(
                                        "MONDAY",
                                        List.of(
                                                object("from", "09:00", "to", "13:00"),
                                                object("from", "12:00", "to", "18:00")))));
        assertThat(overlap.status()).as(overlap.toString()).isEqualTo(400);
        assertThat(overlap.body()).contains("week");
        Api.Reply backwards = api.post(
                CALENDARS,
                Desk.ADMIN,
                object(
                        "name", Api.unique("Rovescio"),
                        "zone", "Europe/Rome",
                        "week", Map.of("MONDAY", List.of(object("from", "18:00", "to", "09:00")))));
        assertThat(backwards.status()).as(backwards.toString()).isEqualTo(400);
        assertThat(api.get(CALENDARS, Desk.ADMIN).json().size()).isEqualTo(before);
    }
}
