package it.sportello.ticket;

import static it.sportello.support.Api.object;
import static it.sportello.support.Browser.form;
import static it.sportello.support.Desk.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.Api;
import it.sportello.support.ApiTestCase;
import it.sportello.support.Browser;
import it.sportello.support.Desk;
import it.sportello.support.IntegrationTest;
import it.sportello.support.SlaDueTimes;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The staff inbox over HTTP: what each view holds and counts, filters, search, order, paging, the
 * htmx partial, bulk actions and "next ticket". Every test tags its own tickets with a fresh tag
 * and filters by it, so the shared database's other tickets never change the answer.
 */
@IntegrationTest
class InboxPageTests extends ApiTestCase {

    private static final Pattern ROW = Pattern.compile("id=\"ticket-(\\d+)\"");
    private static final Map<String, String> HTMX = Map.of("HX-Request", "true");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TicketManagement tickets;

    Desk.Person agent;
    Browser browser;
    String tag;

    @BeforeEach
    void signIn() {
        agent = desk.agent();
        browser = new Browser(port);
        assertThat(browser.signIn(agent.email(), agent.password()).statusCode()).isEqualTo(302);
        tag = Api.unique("inbox");
    }

    @Test
    void eachViewHoldsItsTicketsAndCountsThem() {
        Desk.Person colleague = desk.agent();
        long mine = ticket("Mio", "assigneeId", agent.id());
        long unassigned = ticket("Di nessuno");
        long pending = ticket("In attesa", "assigneeId", colleague.id());
        change(pending, "status", "pending");
        long onHold = ticket("In sospeso");
        change(onHold, "status", "on_hold");
        long solved = ticket("Risolto");
        change(solved, "status", "solved");
        long closed = ticket("Chiuso");
        change(closed, "status", "solved");
        change(closed, "status", "closed");

        String page = inbox("view=mine");

        assertThat(count(page, "mine")).isEqualTo(1);
        assertThat(count(page, "unassigned")).isEqualTo(2);
        assertThat(count(page, "open")).isEqualTo(4);
        assertThat(count(page, "pending")).isEqualTo(1);
        assertThat(count(page, "on_hold")).isEqualTo(1);
        assertThat(count(page, "solved")).isEqualTo(1);
        assertThat(rows(page)).containsExactly(mine);
        assertThat(rows(inbox("view=unassigned"))).containsExactlyInAnyOrder(unassigned, onHold);
        assertThat(rows(inbox("view=open"))).containsExactlyInAnyOrder(mine, unassigned, pending, onHold);
        assertThat(rows(inbox("view=pending"))).containsExactly(pending);
        assertThat(rows(inbox("view=on_hold"))).containsExactly(onHold);
        assertThat(rows(inbox("view=solved"))).containsExactly(solved);
        assertThat(page).contains("aria-current=\"page\"").contains("Assegnati a me");
    }

    @Test
    void recentlySolvedLeavesOutWhatWasSolvedMoreThanAWeekAgo() {
        long today = ticket("Risolto oggi");
        long lastMonth = ticket("Risolto tempo fa");
        change(today, "status", "solved");
        change(lastMonth, "status", "solved");
        jdbc.update(
                "update ticket set solved_at = ? where id = ?",
                Timestamp.from(Instant.now().minus(8, ChronoUnit.DAYS)),
                lastMonth);

        String page = inbox("view=solved");

        assertThat(rows(page)).containsExactly(today);
        assertThat(count(page, "solved")).isEqualTo(1);
    }

    @Test
    void listsTheOpenTicketsByDefaultWithEveryColumn() {
        long id = ticket("Fattura doppia", "priority", "urgent", "channel", "phone");

        String page = inbox("");

        assertThat(rows(page)).containsExactly(id);
        assertThat(page)
                .contains("Tutti aperti")
                .contains("#" + id)
                .contains("href=\"/tickets/" + id + "\"")
                .contains("Fattura doppia")
                .contains("Anna Verdi")
                .contains("badge status-new")
                .contains("Nuovo")
                .contains("badge priority-urgent")
                .contains("Urgente")
                .contains("Telefono")
                .contains(">" + tag + "<")
                .contains("Nessuno")
                .contains("adesso")
                .contains("<th scope=\"col\"")
                .contains("<th scope=\"row\"")
                .contains("Test agent");
        assertThat(page).as("a new ticket awaits the desk's answer").contains("class=\"inbox-row awaiting\"");
    }

    @Test
    void showsAnEmptyStateWhenNothingMatches() {
        String page = inbox("view=on_hold");

        assertThat(rows(page)).isEmpty();
        assertThat(page)
                .contains("Nessun ticket in questa vista")
                .contains("Nessun ticket corrisponde ai filtri scelti.")
                .doesNotContain("<table");
    }

    @Test
    void speaksEnglishWhenAsked() {
        ticket("Double invoice");

        String page = browser.get("/inbox?view=open&lang=en&tag=" + tag).body();

        assertThat(page)
                .contains("<title>Inbox · Sportello</title>")
                .contains("All open")
                .contains("Assigned to me")
                .contains("Recently solved")
                .contains("New")
                .doesNotContain("Tutti aperti");
    }

    @Test
    void filtersByChannelPriorityGroupAndText() {
        long groupId = api.post("/api/v1/groups", ADMIN, object("name", Api.unique("Fatturazione")))
                .json()
                .get("id")
                .asLong();
        String word = Api.unique("ornitorinco");
        long byEmail = ticket("Per e-mail " + word, "channel", "email");
        long byPhone = ticket("Al telefono", "channel", "phone", "priority", "high", "groupId", groupId);
        long inMessage =
                ticket("Una domanda", "channel", "email", "message", object("body", "Nel testo c'è " + word + "."));

        assertThat(rows(inbox("channel=phone"))).containsExactly(byPhone);
        assertThat(rows(inbox("channel=email"))).containsExactlyInAnyOrder(byEmail, inMessage);
        assertThat(rows(inbox("priority=high"))).containsExactly(byPhone);
        assertThat(rows(inbox("group=" + groupId))).containsExactly(byPhone);
        assertThat(rows(inbox("q=" + word))).containsExactlyInAnyOrder(byEmail, inMessage);
        assertThat(rows(inbox("q=" + word.toUpperCase() + "&channel=email")))
                .containsExactlyInAnyOrder(byEmail, inMessage);
        String filtered = inbox("priority=high");
        assertThat(count(filtered, "open")).as("counts follow the filters").isEqualTo(1);
        assertThat(filtered).containsPattern("<option value=\"high\"\\s+selected=\"selected\">");
        assertThat(rows(browser.get("/inbox?view=open&tag=" + Api.unique("altro"))
                        .body()))
                .isEmpty();
    }

    @Test
    void ignoresFilterValuesItDoesNotKnow() {
        long id = ticket("Filtri strani");

        HttpResponse<String> page =
                browser.get("/inbox?view=boh&channel=fax&priority=altissima&group=x&sort=caso&page=-3&tag=" + tag);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(rows(page.body())).containsExactly(id);
    }

    @Test
    void sortsByLastUpdateCreationOrPriority() {
        long low = ticket("Bassa", "priority", "low");
        long urgent = ticket("Urgente", "priority", "urgent");
        long high = ticket("Alta", "priority", "high");
        change(low, "subject", "Bassa, aggiornata per ultima");

        assertThat(rows(inbox("view=open"))).containsExactly(low, high, urgent);
        assertThat(rows(inbox("view=open&sort=updated_oldest"))).containsExactly(urgent, high, low);
        assertThat(rows(inbox("view=open&sort=created_newest"))).containsExactly(high, urgent, low);
        assertThat(rows(inbox("view=open&sort=priority"))).containsExactly(urgent, high, low);
    }

    @Test
    void sortsByTheClockThatFallsDueFirstWithClocklessTicketsLast() {
        long none = ticket("Nessun orologio");
        long later = ticket("Scade dopo");
        long sooner = ticket("Scade prima");
        SlaDueTimes.set(tickets, none, null);
        SlaDueTimes.set(tickets, later, Instant.parse("2030-01-02T10:00:00Z"));
        SlaDueTimes.set(tickets, sooner, Instant.parse("2030-01-01T10:00:00Z"));

        assertThat(rows(inbox("view=open&sort=sla_due"))).containsExactly(sooner, later, none);
        assertThat(tickets.find(new TicketId(sooner)).orElseThrow().slaDueAt())
                .contains(Instant.parse("2030-01-01T10:00:00Z"));
    }

    @Test
    void pagesTwentyFiveTicketsAtATime() {
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < 27; i++) {
            created.add(ticket("Ticket " + i));
        }

        String first = inbox("view=open&sort=created_newest");
        String second = inbox("view=open&sort=created_newest&page=2");

        assertThat(rows(first))
                .hasSize(25)
                .containsExactlyElementsOf(created.reversed().subList(0, 25));
        assertThat(rows(second)).containsExactly(created.get(1), created.get(0));
        assertThat(first).contains("1–25 di 27").contains("Pagina 1 di 2").contains("rel=\"next\"");
        assertThat(second).contains("26–27 di 27").contains("Pagina 2 di 2").contains("rel=\"prev\"");
        assertThat(rows(inbox("view=open&sort=created_newest&page=9")))
                .as("past the end shows the last page")
                .containsExactly(created.get(1), created.get(0));
    }

    @Test
    void answersHtmxWithTheListAndTheCountsOutOfBand() {
        long id = ticket("Solo il frammento");

        HttpResponse<String> partial = browser.get("/inbox?view=open&channel=&q=&tag=" + tag, HTMX);
        HttpResponse<String> full = browser.get("/inbox?view=open&tag=" + tag);

        assertThat(partial.statusCode()).isEqualTo(200);
        assertThat(partial.body())
                .doesNotContain("<html")
                .doesNotContain("class=\"topbar\"")
                .doesNotContain("id=\"inbox-filters\"")
                .contains("id=\"inbox-results\"")
                .contains("id=\"inbox-views\"")
                .contains("hx-swap-oob=\"true\"")
                .contains("id=\"inbox-announcer\"");
        assertThat(rows(partial.body())).containsExactly(id);
        assertThat(partial.headers().firstValue("HX-Push-Url"))
                .as("the address pushed is the canonical one, without empty fields")
                .hasValue("/inbox?view=open&tag=" + tag);
        assertThat(partial.headers().allValues("Vary"))
                .anySatisfy(v -> assertThat(v).contains("HX-Request"));
        assertThat(full.body())
                .contains("<html")
                .contains("Test agent")
                .contains("id=\"inbox-filters\"")
                .doesNotContain("hx-swap-oob");
        assertThat(rows(full.body())).containsExactly(id);
    }

    @Test
    void servesTheViewCountsAloneForPolling() {
        ticket("Conteggio", "assigneeId", agent.id());

        HttpResponse<String> counts = browser.get("/inbox/counts?view=mine&tag=" + tag, HTMX);

        assertThat(counts.statusCode()).isEqualTo(200);
        assertThat(counts.body()).startsWith("<nav").doesNotContain("<table");
        assertThat(count(counts.body(), "mine")).isEqualTo(1);
        assertThat(count(counts.body(), "unassigned")).isZero();
    }

    @Test
    void assignsSelectedTicketsToAColleagueAndTakesThemBack() {
        Desk.Person colleague = desk.agent();
        long first = ticket("Primo");
        long second = ticket("Secondo");
        String page = inbox("view=unassigned");

        HttpResponse<String> assigned = bulk(
                page,
                List.of(first, second),
                Map.of("action", "assign", "assignee", String.valueOf(colleague.id())),
                Map.of("view", "unassigned", "tag", tag));

        assertThat(assigned.statusCode()).isEqualTo(302);
        assertThat(browser.redirectTarget(assigned)).isEqualTo("/inbox?view=unassigned&tag=" + tag);
        String after = browser.get(browser.redirectTarget(assigned)).body();
        assertThat(after).contains("2 ticket aggiornati.");
        assertThat(rows(after)).isEmpty();
        assertThat(assignee(first)).isEqualTo(colleague.id());
        assertThat(assignee(second)).isEqualTo(colleague.id());

        HttpResponse<String> unassigned = bulk(
                after,
                List.of(first),
                Map.of("action", "assign", "assignee", "none"),
                Map.of("view", "unassigned", "tag", tag));

        assertThat(unassigned.statusCode()).isEqualTo(302);
        assertThat(assignee(first)).isNull();
        assertThat(assignee(second)).isEqualTo(colleague.id());
        assertThat(rows(browser.get(browser.redirectTarget(unassigned)).body())).containsExactly(first);
    }

    @Test
    void changesTheStatusOfTheOthersAndNamesTheTicketsThatCannotChange() {
        long fresh = ticket("Nuovo");
        long closed = ticket("Già chiuso");
        change(closed, "status", "solved");
        change(closed, "status", "closed");
        String page = inbox("view=open");

        HttpResponse<String> response = bulk(
                page,
                List.of(fresh, closed),
                Map.of("action", "status", "status", "pending"),
                Map.of("view", "open", "tag", tag),
                HTMX);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .doesNotContain("<html")
                .contains("1 ticket aggiornato.")
                .contains("1 ticket non aggiornato:")
                .contains("href=\"/tickets/" + closed + "\">#" + closed + "</a>")
                .contains("la modifica non è consentita nel suo stato attuale");
        assertThat(status(fresh)).isEqualTo("pending");
        assertThat(status(closed)).isEqualTo("closed");
        assertThat(count(response.body(), "pending"))
                .as("counts refresh after the action")
                .isEqualTo(1);
        assertThat(count(response.body(), "open")).isEqualTo(1);
        assertThat(response.headers().firstValue("HX-Replace-Url")).hasValue("/inbox?view=open&tag=" + tag);
    }

    @Test
    void refusesABulkActionWithoutTicketsOrChoice() {
        long id = ticket("Intatto");
        String page = inbox("view=open");

        HttpResponse<String> nothingSelected =
                bulk(page, List.of(), Map.of("action", "status", "status", "solved"), Map.of("tag", tag), HTMX);
        HttpResponse<String> noStatus = bulk(page, List.of(id), Map.of("action", "status"), Map.of("tag", tag), HTMX);
        HttpResponse<String> newIsNoTarget =
                bulk(page, List.of(id), Map.of("action", "status", "status", "new"), Map.of("tag", tag), HTMX);

        assertThat(nothingSelected.body()).contains("Seleziona almeno un ticket.");
        assertThat(noStatus.body()).contains("Scegli il nuovo stato dei ticket selezionati.");
        assertThat(newIsNoTarget.body()).contains("Scegli il nuovo stato dei ticket selezionati.");
        assertThat(status(id)).isEqualTo("new");
    }

    @Test
    void nextGoesToTheTicketAfterInTheLastListUsed() {
        long oldest = ticket("Primo arrivato");
        long middle = ticket("Secondo arrivato");
        long newest = ticket("Ultimo arrivato");
        inbox("view=unassigned");

        assertThat(next(newest)).isEqualTo("/tickets/" + middle);
        assertThat(next(middle)).isEqualTo("/tickets/" + oldest);
        assertThat(next(oldest)).as("none after the last").isEqualTo("/inbox?view=unassigned&tag=" + tag);

        change(middle, "assigneeId", agent.id());
        assertThat(next(newest)).as("a ticket that left the view is skipped").isEqualTo("/tickets/" + oldest);
        assertThat(next(middle))
                .as("from a ticket that left the view, the one that followed it")
                .isEqualTo("/tickets/" + oldest);

        assertThat(browser.redirectTarget(browser.get("/inbox")))
                .as("the bare inbox returns to the last list used")
                .isEqualTo("/inbox?view=unassigned&tag=" + tag);
    }

    @Test
    void nextFollowsTheOrderTheAgentSawEvenAfterAReplyMovesATicketUp() {
        long oldest = ticket("Primo");
        long middle = ticket("Secondo");
        long newest = ticket("Terzo");
        inbox("view=open");

        change(middle, "priority", "high");

        assertThat(next(middle)).isEqualTo("/tickets/" + oldest);
        assertThat(next(newest)).isEqualTo("/tickets/" + middle);
    }

    @Test
    void nextContinuesOnTheFollowingPage() {
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            created.add(ticket("Coda " + i));
        }
        inbox("view=open&sort=created_newest");

        assertThat(next(created.get(1))).isEqualTo("/tickets/" + created.get(0));
    }

    @Test
    void sendsACustomerAwayAndAnAnonymousVisitorToSignIn() {
        Desk.Person customer = desk.customer();
        Browser portal = new Browser(port);
        portal.signIn(customer.email(), customer.password());

        HttpResponse<String> forbidden = portal.get("/inbox");
        HttpResponse<String> forbiddenNext = portal.get("/inbox/next?after=1");
        HttpResponse<String> forbiddenBulk = portal.post(
                "/inbox/bulk",
                form("_csrf", Browser.csrfToken(forbidden.body()), "ids", "1", "action", "status", "status", "solved"));
        HttpResponse<String> anonymous = new Browser(port).get("/inbox?view=mine");

        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("Non hai i permessi per questa pagina.");
        assertThat(forbiddenNext.statusCode()).isEqualTo(403);
        assertThat(forbiddenBulk.statusCode()).isEqualTo(403);
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(new Browser(port).redirectTarget(anonymous)).isEqualTo("/login");
    }

    private long ticket(String subject, Object... extra) {
        Map<String, Object> body = object(
                "subject",
                subject,
                "customer",
                object("email", Api.unique("anna") + "@example.it", "name", "Anna Verdi"),
                "message",
                object("body", "Buongiorno, " + subject),
                "tags",
                List.of(tag));
        for (int i = 0; i < extra.length; i += 2) {
            body.put((String) extra[i], extra[i + 1]);
        }
        Api.Reply reply = api.post("/api/v1/tickets", ADMIN, body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().get("id").asLong();
    }

    private void change(long id, String field, Object value) {
        Api.Reply reply = api.patch("/api/v1/tickets/" + id, ADMIN, object(field, value));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    private String status(long id) {
        return api.get("/api/v1/tickets/" + id, ADMIN).json().get("status").asString();
    }

    private Long assignee(long id) {
        var assignee = api.get("/api/v1/tickets/" + id, ADMIN).json().get("assignee");
        return assignee == null || assignee.isNull() ? null : assignee.get("id").asLong();
    }

    /** The inbox for this test's tag, with the given query. */
    private String inbox(String query) {
        HttpResponse<String> page = browser.get("/inbox?" + (query.isEmpty() ? "" : query + "&") + "tag=" + tag);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return page.body();
    }

    private String next(long after) {
        HttpResponse<String> response = browser.get("/inbox/next?after=" + after);
        assertThat(response.statusCode()).isEqualTo(302);
        return browser.redirectTarget(response);
    }

    private HttpResponse<String> bulk(
            String page, List<Long> ids, Map<String, String> action, Map<String, String> query) {
        return bulk(page, ids, action, query, Map.of());
    }

    /** Posts the bulk form as the page would: the CSRF token, the checked rows, the action and the list's query. */
    private HttpResponse<String> bulk(
            String page,
            List<Long> ids,
            Map<String, String> action,
            Map<String, String> query,
            Map<String, String> headers) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        fields.add(Map.entry("_csrf", Browser.csrfToken(page)));
        ids.forEach(id -> fields.add(Map.entry("ids", String.valueOf(id))));
        new LinkedHashMap<>(action).forEach((k, v) -> fields.add(Map.entry(k, v)));
        query.forEach((k, v) -> fields.add(Map.entry(k, v)));
        return browser.post("/inbox/bulk", fields, headers);
    }

    private static List<Long> rows(String html) {
        List<Long> ids = new ArrayList<>();
        Matcher row = ROW.matcher(html);
        while (row.find()) {
            ids.add(Long.valueOf(row.group(1)));
        }
        return ids;
    }

    private static long count(String html, String view) {
        Matcher count = Pattern.compile("id=\"view-" + view + "\"[\\s\\S]*?class=\"view-count\"[^>]*>(\\d+)</span>")
                .matcher(html);
        assertThat(count.find()).as("a count for view " + view).isTrue();
        return Long.parseLong(count.group(1));
    }
}
