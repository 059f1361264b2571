package it.sportello.demo;

import it.sportello.knowledge.ArticleDraft;
import it.sportello.knowledge.Articles;
import it.sportello.knowledge.Category;
import it.sportello.knowledge.FaqCatalog;
import it.sportello.knowledge.FaqDraft;
import it.sportello.knowledge.FaqStatus;
import it.sportello.knowledge.FaqTranslation;
import it.sportello.knowledge.Visibility;
import it.sportello.shared.SafeHtml;
import it.sportello.shared.SupportedLocale;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The demo company's help center: a few categories, frequent questions in both languages, a guide. */
@Component
class DemoKnowledge {

    private final FaqCatalog catalog;
    private final Articles articles;

    DemoKnowledge(FaqCatalog catalog, Articles articles) {
        this.catalog = catalog;
        this.articles = articles;
    }

    void seed() {
        Category orders = catalog.saveCategory("ordini-e-consegne", "Ordini e consegne", "Orders and delivery", 1);
        Category returns = catalog.saveCategory("resi-e-rimborsi", "Resi e rimborsi", "Returns and refunds", 2);
        Category account = catalog.saveCategory("account", "Account e pagamenti", "Account and payments", 3);
        faq(
                "consegna-tracciamento",
                orders,
                Set.of("consegna"),
                List.of("Dov'è il mio ordine?", "Come traccio la spedizione?", "Il pacco non è ancora arrivato"),
                "<p>Apra <strong>I miei ordini</strong> e segua il link del corriere: il codice di tracciamento arriva anche per e-mail il giorno della partenza.</p>",
                List.of("Where is my order?", "How do I track my delivery?", "My parcel has not arrived yet"),
                "<p>Open <strong>My orders</strong> and follow the courier's link: the tracking code is also e-mailed on the day it ships.</p>");
        faq(
                "consegna-tempi",
                orders,
                Set.of("consegna"),
                List.of("Quanto tempo ci vuole per la consegna?", "Quando arriva il divano?", "Tempi di spedizione"),
                "<p>I complementi arrivano in 3–5 giorni lavorativi; divani e armadi su misura in 4–6 settimane.</p>",
                List.of("How long does delivery take?", "When will my sofa arrive?"),
                "<p>Accessories arrive in 3–5 working days; made-to-measure sofas and wardrobes in 4–6 weeks.</p>");
        faq(
                "montaggio",
                orders,
                Set.of("montaggio"),
                List.of("Fate anche il montaggio?", "Quanto costa montare l'armadio?"),
                "<p>Sì: il montaggio a domicilio costa 49 € per i mobili singoli ed è gratuito sopra i 1.500 €.</p>",
                List.of("Do you assemble the furniture?", "How much is assembly?"),
                "<p>Yes: home assembly costs €49 per piece and is free on orders over €1,500.</p>");
        faq(
                "reso",
                returns,
                Set.of("reso"),
                List.of("Come faccio un reso?", "Posso restituire un mobile?", "Voglio rendere la poltrona"),
                "<p>Ha 30 giorni dalla consegna: apra <strong>I miei ordini</strong>, scelga <em>Restituisci</em> e prenoti il ritiro gratuito.</p>",
                List.of("How do I return an item?", "Can I send furniture back?"),
                "<p>You have 30 days from delivery: open <strong>My orders</strong>, choose <em>Return</em> and book the free pick-up.</p>");
        faq(
                "rimborso-tempi",
                returns,
                Set.of("rimborso"),
                List.of("Quando arriva il rimborso?", "Non ho ancora ricevuto il rimborso"),
                "<p>Il rimborso parte entro 5 giorni lavorativi dal rientro della merce, sullo stesso metodo di pagamento.</p>",
                List.of("When will I get my refund?", "I have not received my refund yet"),
                "<p>Refunds are issued within 5 working days of the goods coming back, to the same payment method.</p>");
        faq(
                "fattura",
                account,
                Set.of("fattura"),
                List.of("Come scarico la fattura?", "Mi serve la fattura con partita IVA"),
                "<p>La fattura è in <strong>I miei ordini</strong> › <em>Documenti</em>; per la partita IVA la indichi nel profilo prima dell'ordine.</p>",
                List.of("How do I download my invoice?"),
                "<p>The invoice is under <strong>My orders</strong> › <em>Documents</em>.</p>");
        faq(
                "password",
                account,
                Set.of("account"),
                List.of("Ho dimenticato la password", "Non riesco ad accedere"),
                "<p>Usi <em>Password dimenticata</em> nella pagina di accesso: il link arriva in pochi minuti.</p>",
                List.of("I forgot my password", "I can't sign in"),
                "<p>Use <em>Forgot password</em> on the sign-in page: the link arrives within minutes.</p>");
        articles.create(
                SupportedLocale.IT,
                new ArticleDraft(
                        "guida-ai-resi",
                        "Guida ai resi in 3 passi",
                        "<p>1. Apra <strong>I miei ordini</strong> e scelga il mobile da rendere.</p>"
                                + "<p>2. Prenoti il ritiro: il corriere passa entro 5 giorni.</p>"
                                + "<p>3. Imballi il mobile come lo ha ricevuto; il rimborso parte al rientro.</p>",
                        returns.id(),
                        FaqStatus.PUBLISHED,
                        Visibility.PUBLIC,
                        null,
                        null));
    }

    private void faq(
            String id,
            Category category,
            Set<String> tags,
            List<String> italianQuestions,
            String italianAnswer,
            List<String> englishQuestions,
            String englishAnswer) {
        catalog.save(
                new FaqDraft(
                        id,
                        null,
                        category.id(),
                        tags,
                        FaqStatus.PUBLISHED,
                        Visibility.PUBLIC,
                        null,
                        true,
                        Map.of(
                                SupportedLocale.IT,
                                new FaqTranslation.Content(italianQuestions, SafeHtml.fromUntrustedHtml(italianAnswer)),
                                SupportedLocale.EN,
                                new FaqTranslation.Content(
                                        englishQuestions, SafeHtml.fromUntrustedHtml(englishAnswer)))),
                "demo");
    }
}
