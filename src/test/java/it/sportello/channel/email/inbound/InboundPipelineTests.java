package it.sportello.channel.email.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.channel.email.MailboxRoute;
import it.sportello.channel.email.inbound.InboundDecision.Ignore;
import it.sportello.channel.email.inbound.InboundDecision.OpenTicket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.annotation.Order;

/** The filters run in their order, the first decision wins, and unclaimed mail opens a ticket. */
class InboundPipelineTests {

    @TempDir
    Path directory;

    private final MimeParsing parsing = new MimeParsing();
    private final List<String> ran = new ArrayList<>();
    private final List<ParsedEmail> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(ParsedEmail::close);
    }

    @Order(1)
    private class Looks implements InboundFilter {
        @Override
        public Optional<InboundDecision> apply(InboundMail mail) {
            ran.add("looks");
            return Optional.empty();
        }
    }

    @Order(2)
    private class Decides implements InboundFilter {
        @Override
        public Optional<InboundDecision> apply(InboundMail mail) {
            ran.add("decides");
            return Optional.of(new Ignore("decided"));
        }
    }

    @Order(3)
    private class NeverReached implements InboundFilter {
        @Override
        public Optional<InboundDecision> apply(InboundMail mail) {
            ran.add("never");
            return Optional.of(new Ignore("too late"));
        }
    }

    private InboundMail mail(byte[] raw, Set<String> deskAddresses) {
        ParsedEmail email = parsing.parse(Fixtures.file(directory, raw));
        opened.add(email);
        return new InboundMail(email, new MailboxRoute("test", null, deskAddresses, null));
    }

    private InboundMail anyMail() {
        return mail(Fixtures.mail("outlook-windows-1252.eml"), Set.of());
    }

    @Test
    void theFiltersRunInTheirOrderAndTheFirstDecisionWins() {
        InboundPipeline pipeline = new InboundPipeline(List.of(new NeverReached(), new Decides(), new Looks()));

        assertThat(pipeline.decide(anyMail())).isEqualTo(new Ignore("decided"));
        assertThat(ran).containsExactly("looks", "decides");
    }

    @Test
    void mailNoFilterClaimsOpensATicketOfItsOwn() {
        assertThat(new InboundPipeline(List.of(new Looks())).decide(anyMail())).isEqualTo(new OpenTicket());
        assertThat(new InboundPipeline(List.of()).decide(anyMail())).isEqualTo(new OpenTicket());
    }

    @Test
    void theDesksFiltersMarkAutomaticMailFirstThenIgnoreOwnMailThenBouncesThenReplies() {
        InboundFilter automatic = new AutomaticMailFilter(new AutoReplyDetection());
        InboundFilter own = new OwnAddressFilter();
        InboundFilter bounce = new BounceFilter(null, null, null);
        InboundFilter reply = new RequesterReplyFilter(null, null);

        assertThat(new InboundPipeline(List.of(reply, bounce, own, automatic)).filters())
                .containsExactly(automatic, own, bounce, reply);
    }

    @Test
    void theDesksOwnAutoReplyIsIgnoredAndRecordedAsAutomatic() {
        byte[] raw = ("From: assistenza@sportello.example\r\nAuto-Submitted: auto-replied\r\nSubject: x\r\n\r\ny\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        InboundMail mail = mail(raw, Set.of("assistenza@sportello.example"));
        InboundPipeline pipeline =
                new InboundPipeline(List.of(new OwnAddressFilter(), new AutomaticMailFilter(new AutoReplyDetection())));

        assertThat(pipeline.decide(mail)).isInstanceOf(Ignore.class);
        assertThat(mail.automatic()).isTrue();
    }
}
