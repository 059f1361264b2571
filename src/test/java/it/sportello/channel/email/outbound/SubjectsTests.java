package it.sportello.channel.email.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.ticket.TicketId;
import org.junit.jupiter.api.Test;

class SubjectsTests {

    @Test
    void aReplyCarriesTheTicketsTagOnce() {
        assertThat(Subjects.reply("Fattura sbagliata", new TicketId(42))).isEqualTo("Re: Fattura sbagliata [#42]");
        assertThat(Subjects.reply("R: Fattura sbagliata [#42]", new TicketId(42)))
                .isEqualTo("R: Fattura sbagliata [#42]");
        assertThat(Subjects.reply("RE: Ordine", new TicketId(7))).isEqualTo("RE: Ordine [#7]");
    }

    @Test
    void aSubjectThatOnlyStartsLikeAReplyWordIsNotOne() {
        assertThat(Subjects.reply("Resi e rimborsi", new TicketId(3))).isEqualTo("Re: Resi e rimborsi [#3]");
    }
}
