package it.sportello.knowledge;

import static it.sportello.support.Browser.form;
import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.shared.SupportedLocale;
import it.sportello.support.ApiTestCase;
import it.sportello.support.Browser;
import it.sportello.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Answers the contact form suggests: a visitor who opens one and does not submit the form is a
 * request the help center deflected; one who submits anyway is not.
 */
@IntegrationTest
class DeflectionTests extends ApiTestCase {

    private static final Pattern TOKEN = Pattern.compile("<input[^>]*name=\"suggestionToken\"[^>]*>");
    private static final Pattern VALUE = Pattern.compile("value=\"([^\"]+)\"");

    @Autowired
    FaqCatalog catalog;

    @Autowired
    Deflections deflections;

    @Autowired
    JdbcTemplate jdbc;

    private Faqs faqs;
    private Browser visitor;

    @BeforeEach
    void visit() {
        faqs = new Faqs(catalog);
        visitor = new Browser(port);
    }

    @Test
    void anOpenedSuggestionWithoutASubmissionIsDeflectedOnceTheVisitIsOver() {
        String id = faqs.published(
                SupportedLocale.IT, "<p>Con le viti incluse.</p>", "Come si monta la zanzariera a rullo?");
        Deflections.Counts before = counts();
        String contactForm = visitor.get("/contact").body();
        String token = token(contactForm);

        String suggestions = visitor.get(
                        "/help/suggest?subject=zanzariera+rullo&source=contact&suggestionToken=" + token)
                .body();
        String link = "/help/faq/" + id + "?suggested=" + token;
        assertThat(suggestions).contains("Forse trovi già la risposta qui").contains("href=\"" + link + "\"");
        assertThat(visitor.get(link).statusCode()).isEqualTo(200);

        Deflections.Counts opened = counts();
        assertThat(opened.opened() - before.opened()).isEqualTo(1);
        assertThat(opened.pending() - before.pending())
                .as("the visit is still going on")
                .isEqualTo(1);
        assertThat(opened.deflected()).isEqualTo(before.deflected());

        visitHappened(token, Duration.ofMinutes(31));

        Deflections.Counts later = counts();
        assertThat(later.deflected() - before.deflected()).isEqualTo(1);
        assertThat(later.submitted()).isEqualTo(before.submitted());
    }

    @Test
    void aSubmissionAfterOpeningSuggestionsIsNotDeflectedAndTheVisitCountsOnce() {
        String first = faqs.published(SupportedLocale.IT, "<p>Sì.</p>", "Posso restituire la tenda da sole?");
        String second = faqs.published(SupportedLocale.IT, "<p>No.</p>", "La tenda da sole ha la garanzia?");
        Deflections.Counts before = counts();
        String contactForm = visitor.get("/contact").body();
        String token = token(contactForm);

        visitor.get("/help/faq/" + first + "?suggested=" + token);
        visitor.get("/help/faq/" + second + "?suggested=" + token);
        HttpResponse<String> sent = visitor.post(
                "/contact",
                form(
                        "email", "tenda@example.it",
                        "subject", "Tenda da sole",
                        "message", "Le risposte non bastano.",
                        "suggestionToken", token,
                        "_csrf", Browser.csrfToken(contactForm)));
        assertThat(sent.statusCode()).isEqualTo(302);
        visitHappened(token, Duration.ofMinutes(31));

        Deflections.Counts after = counts();
        assertThat(after.opened() - before.opened()).isEqualTo(1);
        assertThat(after.submitted() - before.submitted()).isEqualTo(1);
        assertThat(after.deflected()).isEqualTo(before.deflected());
    }

    @Test
    void aMalformedTokenIsIgnoredAndSuggestionsOutsideTheContactFormCarryNone() {
        String id = faqs.published(SupportedLocale.IT, "<p>Sì.</p>", "Il gazebo pieghevole regge la neve?");
        Deflections.Counts before = counts();

        assertThat(visitor.get("/help/faq/" + id + "?suggested=%3Cscript%3E").statusCode())
                .isEqualTo(200);
        assertThat(visitor.get("/help/suggest?q=gazebo+pieghevole").body()).contains("href=\"/help/faq/" + id + "\"");

        assertThat(counts()).isEqualTo(before);
    }

    private Deflections.Counts counts() {
        Instant now = Instant.now();
        return deflections.count(new Helpfulness.Period(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1))));
    }

    /** Moves the visit back in time, as if the visitor had opened the answer {@code ago}. */
    private void visitHappened(String token, Duration ago) {
        int moved = jdbc.update(
                "update knowledge_deflection set opened_at = ? where token = ?",
                java.sql.Timestamp.from(Instant.now().minus(ago)),
                token);
        assertThat(moved).isEqualTo(1);
    }

    private static String token(String contactForm) {
        Matcher input = TOKEN.matcher(contactForm);
        assertThat(input.find()).as(contactForm).isTrue();
        Matcher value = VALUE.matcher(input.group());
        assertThat(value.find()).as(input.group()).isTrue();
        return value.group(1);
    }
}
