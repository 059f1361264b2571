package it.sportello.sla;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.ticket.Channel;
import it.sportello.ticket.Priority;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** A standard reads as a sentence in plain Italian and English. */
class StandardTermsTests {

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    {
        messages.setBasenames("i18n/sla", "i18n/standards");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
    }

    @Test
    void theOutOfTheBoxStandardsReadInBothLanguages() {
        StandardTerms chat = terms(StandardMeasure.CHAT_ANSWERED, null, null, 120, false, List.of(Channel.CHAT), "90");
        StandardTerms email =
                terms(StandardMeasure.FIRST_RESPONSE, null, null, 8 * 3600, true, List.of(Channel.EMAIL), "95");
        StandardTerms delivery = terms(StandardMeasure.MILESTONE, "consegna", null, 3 * 86400, false, List.of(), "90");
        StandardTerms solved = terms(StandardMeasure.RESOLUTION, null, null, 27 * 3600, true, List.of(), "85");

        assertThat(chat.sentence(messages, Locale.ITALIAN))
                .isEqualTo("Il 90 % delle chat riceve la risposta di un operatore entro 2 minuti.");
        assertThat(email.sentence(messages, Locale.ITALIAN))
                .isEqualTo("Il 95 % delle richieste via e-mail riceve una prima risposta entro 8 ore lavorative.");
        assertThat(delivery.sentence(messages, Locale.ITALIAN))
                .isEqualTo("Il 90 % delle richieste arriva a «consegna» entro 3 giorni dall'apertura.");
        assertThat(solved.sentence(messages, Locale.ITALIAN))
                .isEqualTo("L'85 % delle richieste viene risolto entro 27 ore lavorative.");

        assertThat(email.sentence(messages, Locale.ENGLISH))
                .isEqualTo("95 % of requests by e-mail get a first response within 8 business hours.");
        assertThat(delivery.sentence(messages, Locale.ENGLISH))
                .isEqualTo("90 % of requests reach “consegna” within 3 days of being opened.");
    }

    @Test
    void nameTheArticleOfTheNumberAsItIsSpoken() {
        assertThat(floorOf("8")).isEqualTo("L'8 %");
        assertThat(floorOf("11")).isEqualTo("L'11 %");
        assertThat(floorOf("80.5")).isEqualTo("L'80,5 %");
        assertThat(floorOf("99.9")).isEqualTo("Il 99,9 %");
        assertThat(floorOf("100")).isEqualTo("Il 100 %");
    }

    @Test
    void sayWhichPrioritiesAndMilestoneTheTimeStartsFrom() {
        StandardTerms urgent = new StandardTerms(
                1,
                "x",
                "",
                StandardMeasure.MILESTONE,
                "rimborso",
                "reso ricevuto",
                5 * 86400,
                false,
                null,
                List.of(Channel.EMAIL, Channel.WEB),
                List.of(Priority.HIGH, Priority.URGENT),
                new BigDecimal("98"));

        assertThat(urgent.sentence(messages, Locale.ITALIAN))
                .isEqualTo(
                        "Il 98 % delle richieste via e-mail o modulo web con priorità alta o urgente arriva a «rimborso»"
                                + " entro 5 giorni da «reso ricevuto».");
    }

    private String floorOf(String floor) {
        return messages.getMessage(
                "standards.sentence.floor", new Object[] {new BigDecimal(floor).doubleValue()}, Locale.ITALIAN);
    }

    private static StandardTerms terms(
            StandardMeasure measure,
            String milestone,
            String start,
            long seconds,
            boolean business,
            List<Channel> channels,
            String floor) {
        return new StandardTerms(
                1,
                "x",
                "",
                measure,
                milestone,
                start,
                seconds,
                business,
                null,
                channels,
                List.of(),
                new BigDecimal(floor));
    }
}
