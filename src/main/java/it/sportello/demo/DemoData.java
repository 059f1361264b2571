package it.sportello.demo;

import it.sportello.customer.Customer;
import it.sportello.customer.CustomerManagement;
import it.sportello.customer.JourneyStage;
import it.sportello.identity.CurrentUser;
import it.sportello.identity.GroupId;
import it.sportello.identity.Role;
import it.sportello.identity.User;
import it.sportello.identity.UserId;
import it.sportello.identity.UserManagement;
import it.sportello.shared.SupportedLocale;
import it.sportello.ticket.Channel;
import it.sportello.ticket.Priority;
import it.sportello.ticket.Ticket;
import it.sportello.ticket.TicketManagement;
import it.sportello.ticket.TicketStatus;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Seeds "Bottega Verde Arredamenti", a furniture shop near Bologna, once: its desk, its customers
 * and a few days of their conversations. A second start finds the teams and leaves everything be.
 */
@Component
@ConditionalOnBooleanProperty("sportello.demo")
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DemoData implements ApplicationRunner {

    /** The password of every demo account; the README gives it. */
    static final String PASSWORD = "sportello-demo";

    private static final String SUPPORT = "Assistenza clienti";
    private static final String BILLING = "Fatturazione e resi";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final UserManagement users;
    private final CustomerManagement customers;
    private final TicketManagement tickets;
    private final DemoKnowledge knowledge;

    DemoData(UserManagement users, CustomerManagement customers, TicketManagement tickets, DemoKnowledge knowledge) {
        this.users = users;
        this.customers = customers;
        this.tickets = tickets;
        this.knowledge = knowledge;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.findGroupByName(SUPPORT).isPresent()) {
            return;
        }
        User giulia = staff("giulia.rossi@bottegaverde.example", "Giulia Rossi", Role.SUPERVISOR);
        User marco = staff("marco.bianchi@bottegaverde.example", "Marco Bianchi", Role.AGENT);
        User sara = staff("sara.colombo@bottegaverde.example", "Sara Colombo", Role.AGENT);
        User luca = staff("luca.ferrari@bottegaverde.example", "Luca Ferrari", Role.AGENT);
        User elena = staff("elena.ricci@bottegaverde.example", "Elena Ricci", Role.AGENT);
        GroupId support = users.createGroup(
                        SUPPORT, "Ordini, consegne, montaggio", List.of(giulia.id(), marco.id(), sara.id()))
                .id();
        GroupId billing = users.createGroup(
                        BILLING, "Fatture, rimborsi e resi", List.of(giulia.id(), luca.id(), elena.id()))
                .id();
        users.create(new UserManagement.NewUser(
                "anna.conti@example.it", "Anna Conti", Role.CUSTOMER, SupportedLocale.IT, PASSWORD));

        customer(
                "Anna Conti",
                "anna.conti@example.it",
                "+39 051 555 0101",
                null,
                SupportedLocale.IT,
                JourneyStage.POST_PURCHASE);
        customer(
                "Paolo Greco",
                "paolo.greco@example.it",
                null,
                "Studio Greco Architetti",
                SupportedLocale.IT,
                JourneyStage.DECISION);
        customer(
                "Francesca Marino",
                "f.marino@example.it",
                "+39 333 555 0199",
                null,
                SupportedLocale.IT,
                JourneyStage.POST_PURCHASE);
        customer("Hannah Weber", "hannah.weber@example.de", null, null, SupportedLocale.EN, JourneyStage.CONSIDERATION);
        customer(
                "James Miller",
                "james.miller@example.co.uk",
                null,
                "Miller & Sons Ltd",
                SupportedLocale.EN,
                JourneyStage.POST_PURCHASE);
        customer(
                "Roberto Esposito",
                "roberto.esposito@example.it",
                null,
                "Hotel Esposito",
                SupportedLocale.IT,
                JourneyStage.POST_PURCHASE);

        CurrentUser asMarco = marco.asCurrentUser();
        CurrentUser asLuca = luca.asCurrentUser();
        Ticket late = open(
                asMarco,
                "Consegna in ritardo del divano Milano",
                "anna.conti@example.it",
                "Buongiorno, il divano ordinato il 3 marzo doveva arrivare ieri ma non si è visto nessuno. Potete dirmi quando arriva?",
                Channel.EMAIL,
                Priority.HIGH,
                support,
                List.of("consegna", "ritardo"));
        reply(
                asMarco,
                late,
                "Gentile Anna, ci scusiamo per il ritardo: il corriere ha avuto un guasto. Il divano arriverà giovedì tra le 9 e le 13.",
                TicketStatus.PENDING);

        Ticket invoice = open(
                asLuca,
                "Fattura con partita IVA errata",
                "paolo.greco@example.it",
                "Salve, nella fattura n. 2026/0412 la partita IVA dello studio è sbagliata. Potete riemetterla?",
                Channel.WEB,
                Priority.NORMAL,
                billing,
                List.of("fattura"));
        tickets.addMessage(
                invoice.id(),
                new TicketManagement.NewMessage(
                        new TicketManagement.Body("Controllare in amministrazione se serve una nota di credito.", null),
                        true,
                        null,
                        null,
                        List.of()),
                asLuca);
        assign(asLuca, invoice, luca.id(), billing);

        Ticket refund = open(
                asLuca,
                "Rimborso per sedia danneggiata",
                "f.marino@example.it",
                "La sedia è arrivata con una gamba rotta. Vorrei il rimborso, non la sostituzione.",
                Channel.PHONE,
                Priority.NORMAL,
                billing,
                List.of("reso", "rimborso"));
        reply(
                asLuca,
                refund,
                "Abbiamo disposto il rimborso di 89 € sulla carta usata per l'acquisto: lo vedrà entro 5 giorni lavorativi.",
                TicketStatus.SOLVED);

        open(
                asMarco,
                "Do you ship to Germany?",
                "hannah.weber@example.de",
                "Hello, I love the Aurora bookshelf. Do you deliver to Munich, and how much would shipping cost?",
                Channel.CHAT,
                Priority.LOW,
                support,
                List.of("spedizione", "estero"));

        Ticket assembly = open(
                asMarco,
                "Assembly service for office desks",
                "james.miller@example.co.uk",
                "We ordered 12 Linea desks for our London office. Can your team assemble them on site?",
                Channel.EMAIL,
                Priority.NORMAL,
                support,
                List.of("montaggio"));
        assign(asMarco, assembly, sara.id(), support);
        reply(
                sara.asCurrentUser(),
                assembly,
                "Dear James, yes: our partner in London can assemble them. I am checking dates and will get back to you by Friday.",
                TicketStatus.ON_HOLD);

        Ticket urgent = open(
                asMarco,
                "Letti per l'hotel: consegna prima dell'apertura",
                "roberto.esposito@example.it",
                "Apriamo il 15 aprile e i 20 letti non sono ancora arrivati. È urgente!",
                Channel.PHONE,
                Priority.URGENT,
                support,
                List.of("consegna", "b2b"));
        assign(asMarco, urgent, marco.id(), support);

        Ticket review = open(
                asMarco,
                "Recensione: \"montatori gentilissimi\"",
                "anna.conti@example.it",
                "Cinque stelle: montatori puntuali e gentilissimi, il divano è bellissimo.",
                Channel.REVIEW,
                Priority.LOW,
                support,
                List.of("recensione"));
        reply(
                asMarco,
                review,
                "Grazie di cuore, Anna! Giriamo i complimenti alla squadra di montaggio.",
                TicketStatus.SOLVED);
        tickets.change(
                review.id(),
                new TicketManagement.TicketChanges(TicketStatus.CLOSED, null, null, null, null, null, null),
                asMarco);

        open(
                asMarco,
                "Colore del tessuto diverso dal campione",
                "f.marino@example.it",
                "Il tessuto della poltrona è più scuro del campione che mi avete mandato. È normale?",
                Channel.SOCIAL,
                Priority.NORMAL,
                support,
                List.of("qualità"));

        knowledge.seed();

        log.info(
                "Demo data ready: sign in as {} (supervisor) or {} (agent) with password '{}'",
                giulia.email(),
                marco.email(),
                PASSWORD);
    }

    private User staff(String email, String name, Role role) {
        return users.create(new UserManagement.NewUser(email, name, role, SupportedLocale.IT, PASSWORD));
    }

    private Customer customer(
            String name, String email, String phone, String organisation, SupportedLocale locale, JourneyStage stage) {
        Optional<Customer> existing = customers.findByEmail(email);
        Customer customer = existing.orElseGet(() -> customers.findOrCreateByEmail(email, name, locale));
        return customers.update(
                customer.id(),
                new CustomerManagement.CustomerChanges(
                        name, null, phone == null ? null : List.of(phone), organisation, locale, stage));
    }

    private Ticket open(
            CurrentUser agent,
            String subject,
            String email,
            String body,
            Channel channel,
            Priority priority,
            GroupId group,
            List<String> tags) {
        return tickets.open(
                        new TicketManagement.NewTicket(
                                subject,
                                new TicketManagement.Requester(null, email, null, null, null),
                                new TicketManagement.Body(body, null),
                                channel,
                                priority,
                                tags,
                                group,
                                null,
                                List.of()),
                        agent)
                .details()
                .ticket();
    }

    private void reply(CurrentUser agent, Ticket ticket, String body, TicketStatus statusAfter) {
        tickets.addMessage(
                ticket.id(),
                new TicketManagement.NewMessage(
                        new TicketManagement.Body(body, null), false, statusAfter, null, List.of()),
                agent);
    }

    private void assign(CurrentUser agent, Ticket ticket, UserId assignee, GroupId group) {
        tickets.change(
                ticket.id(),
                new TicketManagement.TicketChanges(
                        null, null, Optional.of(assignee), Optional.of(group), null, null, null),
                agent);
    }
}
