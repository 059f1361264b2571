package it.sportello.channel.email.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.channel.email.MailboxRoute;
import it.sportello.channel.email.OutgoingMessageIds;
import it.sportello.channel.email.inbound.InboundDecision.AutomaticReplyNote;
import it.sportello.channel.email.inbound.InboundDecision.FollowUp;
import it.sportello.support.ApiTestCase;
import it.sportello.support.IntegrationTest;
import it.sportello.ticket.TicketId;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** Only the requester's reply joins their ticket; a machine's answer for them joins it as a note. */
@IntegrationTest
class RequesterReplyFilterTests extends ApiTestCase {

    @TempDir
    Path directory;

    @Autowired
    RequesterReplyFilter filter;

    @Autowired
    MimeParsing parsing;

    @Autowired
    OutgoingMessageIds messageIds;

    private Optional<InboundDecision> apply(String from, String inReplyTo, boolean automatic) {
        byte[] raw = Fixtures.mail(
                "thunderbird-iso-8859-1-reply.eml", "FROM", from, "SUBJECT", "Consegna", "IN_REPLY_TO", inReplyTo);
        try (ParsedEmail email = parsing.parse(Fixtures.file(directory, raw))) {
            InboundMail mail = new InboundMail(email, new MailboxRoute("test", null, Set.of(), null));
            if (automatic) {
                mail.markAutomatic("Auto-Submitted: auto-replied");
            }
            return filter.apply(mail);
        }
    }

    private static String email() {
        return "giulia." + Fixtures.unique() + "@example.it";
    }

    @Test
    void theRequestersReplyToOurMessageJoinsTheirTicket() {
        String giulia = email();
        long ticket = desk.ticketFor(giulia, "Consegna").get("id").asLong();

        Optional<InboundDecision> decision = apply(giulia, messageIds.create(new TicketId(ticket), "q1"), false);

        assertThat(decision).containsInstanceOf(FollowUp.class);
        FollowUp reply = (FollowUp) decision.get();
        assertThat(reply.ticket()).isEqualTo(new TicketId(ticket));
        assertThat(reply.requester().primaryEmail()).hasValue(giulia);
    }

    @Test
    void aMachinesAnswerForTheRequesterJoinsTheTicketAsANote() {
        String giulia = email();
        long ticket = desk.ticketFor(giulia, "Consegna").get("id").asLong();

        Optional<InboundDecision> decision = apply(giulia, messageIds.create(new TicketId(ticket), "q2"), true);

        assertThat(decision).containsInstanceOf(AutomaticReplyNote.class);
        assertThat(((AutomaticReplyNote) decision.get()).ticket()).isEqualTo(new TicketId(ticket));
    }

    @Test
    void someoneElsesReplyToTheSameMessageIsLeftToOpenATicketOfItsOwn() {
        String victim = email();
        String attacker = email();
        desk.ticketFor(attacker, "Altro");
        long ticket = desk.ticketFor(victim, "Consegna").get("id").asLong();
        String genuine = messageIds.create(new TicketId(ticket), "q3");

        assertThat(apply(attacker, genuine, false)).isEmpty();
        assertThat(apply(email(), genuine, false)).isEmpty();
    }

    @Test
    void aReplyToNothingOfOursIsLeftToOpenATicket() {
        String giulia = email();
        desk.ticketFor(giulia, "Consegna");

        assertThat(apply(giulia, "<unknown-" + Fixtures.unique() + "@example.it>", false))
                .isEmpty();
    }
}
