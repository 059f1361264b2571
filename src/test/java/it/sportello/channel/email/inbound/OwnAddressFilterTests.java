package it.sportello.channel.email.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.channel.email.MailboxRoute;
import it.sportello.channel.email.inbound.InboundDecision.Ignore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desk's own mail coming back is ignored, whatever the case of the configured address. */
class OwnAddressFilterTests {

    @TempDir
    Path directory;

    private final MimeParsing parsing = new MimeParsing();
    private final OwnAddressFilter filter = new OwnAddressFilter();

    private Optional<InboundDecision> apply(String from, Set<String> deskAddresses) {
        byte[] mail = ("From: " + from + "\r\nTo: assistenza@sportello.example\r\nSubject: copia\r\n\r\nciao\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        MailboxRoute route = new MailboxRoute("test", null, deskAddresses, null);
        try (ParsedEmail email = parsing.parse(Fixtures.file(directory, mail))) {
            return filter.apply(new InboundMail(email, route));
        }
    }

    @Test
    void mailFromOneOfTheDesksAddressesIsIgnoredSayingWhichOne() {
        assertThat(apply(
                        "Assistenza <Assistenza@Sportello.example>",
                        Set.of("info@sportello.example", "ASSISTENZA@sportello.example")))
                .hasValue(new Ignore("sent from the desk's own address assistenza@sportello.example"));
    }

    @Test
    void mailFromAnyoneElseIsLeftToTheNextFilter() {
        assertThat(apply("Maria <maria@example.it>", Set.of("assistenza@sportello.example")))
                .isEmpty();
        assertThat(apply("assistenza@sportello.example", Set.of())).isEmpty();
    }
}
