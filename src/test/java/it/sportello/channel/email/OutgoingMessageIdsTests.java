package it.sportello.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.ticket.TicketId;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutgoingMessageIdsTests {

    @TempDir
    Path dataDir;

    private final OutgoingMessageIds ids = new OutgoingMessageIds("una-chiave-segreta-di-prova", null, "desk.example");

    @Test
    void leadsASignedMessageIdBackToItsTicket() {
        String id = ids.create(new TicketId(1024), "m77");

        assertThat(id).startsWith("<sp.1024.m77.").endsWith("@desk.example>");
        assertThat(ids.ticketOf(id)).contains(new TicketId(1024));
        assertThat(ids.ticketOf(id.substring(1, id.length() - 1)))
                .as("without brackets")
                .contains(new TicketId(1024));
    }

    @Test
    void refusesAForgedOrAlteredMessageId() {
        String genuine = ids.create(new TicketId(1024), "m77");
        String otherTicket = genuine.replace("<sp.1024.", "<sp.1025.");
        String otherKey = new OutgoingMessageIds("un-altra-chiave-segreta", null, "desk.example")
                .create(new TicketId(1024), "m77");

        assertThat(ids.ticketOf(otherTicket)).isEmpty();
        assertThat(ids.ticketOf(otherKey)).isEmpty();
        assertThat(ids.ticketOf("<CAF=abc123@mail.gmail.com>")).isEmpty();
        assertThat(ids.ticketOf(null)).isEmpty();
    }

    @Test
    void makesAndKeepsItsOwnKeyWhenNoneIsConfigured() throws Exception {
        OutgoingMessageIds first = new OutgoingMessageIds("", dataDir, "desk.example");
        String id = first.create(new TicketId(7), "a1");

        OutgoingMessageIds afterRestart = new OutgoingMessageIds("", dataDir, "desk.example");

        assertThat(afterRestart.ticketOf(id)).contains(new TicketId(7));
        assertThat(ids.ticketOf(id)).as("a different desk's key").isEmpty();
        assertThat(java.nio.file.Files.getPosixFilePermissions(dataDir.resolve("email-signing.key")))
                .as("readable by the desk's user only")
                .containsExactlyInAnyOrder(
                        java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }
}
