package it.sportello.channel.email.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.channel.email.MailboxRoute;
import it.sportello.channel.email.OutgoingMessageIds;
import it.sportello.channel.email.inbound.InboundDecision.BounceNote;
import it.sportello.channel.email.inbound.InboundDecision.Ignore;
import it.sportello.support.ApiTestCase;
import it.sportello.support.IntegrationTest;
import it.sportello.ticket.TicketId;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** A delivery report goes to the ticket of the message of ours it is about, or nowhere. */
@IntegrationTest
class BounceFilterTests extends ApiTestCase {

    @TempDir
    Path directory;

    @Autowired
    BounceFilter filter;

    @Autowired
    MimeParsing parsing;

    @Autowired
    OutgoingMessageIds messageIds;

    private Optional<InboundDecision> apply(byte[] raw) {
        try (ParsedEmail email = parsing.parse(Fixtures.file(directory, raw))) {
            return filter.apply(new InboundMail(email, new MailboxRoute("test", null, Set.of(), null)));
        }
    }

    private static byte[] report(String recipient, long ticket, String original) {
        return Fixtures.mail(
                "bounce-delivery-status.eml",
                "RECIPIENT",
                recipient,
                "TICKET",
                String.valueOf(ticket),
                "ORIGINAL",
                original);
    }

    @Test
    void aReportAboutOurMessageGoesToItsTicketWithTheRequestersAddressFailing() {
        String customer = "cliente." + Fixtures.unique() + "@example.it";
        long ticket = desk.ticketFor(customer, "La tua richiesta").get("id").asLong();

        Optional<InboundDecision> decision =
                apply(report(customer, ticket, messageIds.create(new TicketId(ticket), "f1")));

        assertThat(decision).containsInstanceOf(BounceNote.class);
        BounceNote note = (BounceNote) decision.get();
        assertThat(note.ticket()).isEqualTo(new TicketId(ticket));
        assertThat(note.requester().primaryEmail()).hasValue(customer);
        assertThat(note.failing()).extracting(BounceReport.Recipient::address).containsExactly(customer);
    }

    @Test
    void anAddressThatIsNotTheRequestersIsNeverMarkedFailing() {
        String customer = "cliente." + Fixtures.unique() + "@example.it";
        String bystander = "altro." + Fixtures.unique() + "@example.it";
        desk.ticketFor(bystander, "Altra richiesta");
        long ticket = desk.ticketFor(customer, "La tua richiesta").get("id").asLong();

        Optional<InboundDecision> decision =
                apply(report(bystander, ticket, messageIds.create(new TicketId(ticket), "f2")));

        assertThat(decision).containsInstanceOf(BounceNote.class);
        assertThat(((BounceNote) decision.get()).failing()).isEmpty();
    }

    @Test
    void aReportAboutMailWeDidNotSignIsIgnoredSayingWhichMessage() {
        String forged = "<sp.1.x.AAAAAAAAAAAAAAAAAAAAAA@sportello.local>";
        assertThat(apply(report("qualcuno@example.it", 1, forged)))
                .hasValue(new Ignore("delivery report about a message the desk did not send: " + forged));
        assertThat(apply(report("qualcuno@example.it", 1, "")))
                .hasValue(new Ignore("delivery report about a message the desk did not send (no Message-ID in it)"));
    }

    @Test
    void mailThatIsNoReportIsLeftToTheNextFilter() {
        assertThat(apply(Fixtures.mail("out-of-office.eml"))).isEmpty();
    }
}
