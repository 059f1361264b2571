package it.sportello.channel.email.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.channel.email.MailboxRoute;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Machine-sent mail is marked as such for the filters after, and never decided on here. */
class AutomaticMailFilterTests {

    @TempDir
    Path directory;

    private final MimeParsing parsing = new MimeParsing();
    private final AutomaticMailFilter filter = new AutomaticMailFilter(new AutoReplyDetection());
    private final MailboxRoute route = new MailboxRoute("test", null, Set.of(), null);

    @Test
    void anOutOfOfficeIsMarkedAutomaticWithTheReasonAndLeftToTheNextFilter() {
        try (ParsedEmail email = parsing.parse(Fixtures.file(directory, Fixtures.mail("out-of-office.eml")))) {
            InboundMail mail = new InboundMail(email, route);

            assertThat(filter.apply(mail)).isEmpty();
            assertThat(mail.automatic()).isTrue();
            assertThat(mail.automaticReason()).hasValue("Auto-Submitted: auto-replied");
        }
    }

    @Test
    void mailAPersonWroteStaysUnmarked() {
        try (ParsedEmail email = parsing.parse(Fixtures.file(directory, Fixtures.mail("outlook-windows-1252.eml")))) {
            InboundMail mail = new InboundMail(email, route);

            assertThat(filter.apply(mail)).isEmpty();
            assertThat(mail.automatic()).isFalse();
        }
    }
}
