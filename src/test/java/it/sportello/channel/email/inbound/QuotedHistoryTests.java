package it.sportello.channel.email.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a reader sees of a reply: the new text, without the history and signature it repeats. */
class QuotedHistoryTests {

    @Test
    void foldsAThunderbirdItalianReplyAtItsSignatureAndHeader() {
        String text = """
                Grazie, però la città di consegna è ancora sbagliata.

                Saluti,
                Giulia

                --\u0020
                Giulia Bianchi
                Via Roma 1, Forlì

                Il giorno 22/11/2026 18:40, Assistenza ha scritto:
                > Gentile cliente,
                > abbiamo aggiornato l'indirizzo.
                """;
        assertThat(QuotedHistory.fold(text))
                .isEqualTo("Grazie, però la città di consegna è ancora sbagliata.\n\nSaluti,\nGiulia");
    }

    @Test
    void foldsAGmailHeaderWrappedOverTwoLines() {
        String text = """
                Va bene così.

                Il giorno lun 23 nov 2026 alle ore 10:02 Assistenza <assistenza@sportello.example>
                ha scritto:
                > Possiamo procedere?
                """;
        assertThat(QuotedHistory.fold(text)).isEqualTo("Va bene così.");
    }

    @Test
    void foldsEnglishAndOutlookHeaders() {
        assertThat(QuotedHistory.fold("Thanks!\n\nOn Mon, 23 Nov 2026 at 10:02, Desk <d@x.it> wrote:\n> Hi"))
                .isEqualTo("Thanks!");
        assertThat(QuotedHistory.fold("Ok.\n\n-----Original Message-----\nFrom: Desk\nHi"))
                .isEqualTo("Ok.");
        assertThat(
                        QuotedHistory.fold(
                                "Perfetto, grazie.\n\nDa: Assistenza <assistenza@sportello.example>\nInviato: lunedì 23 novembre 2026 10:02\nA: Mario\nOggetto: Re: Fattura\n\nGentile cliente"))
                .isEqualTo("Perfetto, grazie.");
    }

    @Test
    void keepsAnswersWrittenBetweenQuotesAndAForwardedHeader() {
        String inline = "> Qual è il numero d'ordine?\n4411\n> E la città?\nForlì";
        assertThat(QuotedHistory.fold(inline)).isEqualTo(inline);
        String forward = "Vi inoltro.\n\n---------- Forwarded message ----------\nFrom: Corriere\nDate: ieri\n\nTesto";
        assertThat(QuotedHistory.fold(forward)).isEqualTo(forward);
    }

    @Test
    void keepsTheTextWhenFoldingWouldLeaveNothing() {
        String allQuoted = "> solo citazione\n> nient'altro";
        assertThat(QuotedHistory.fold(allQuoted)).isEqualTo(allQuoted);
        assertThat(QuotedHistory.fold("Nessuna citazione qui.")).isEqualTo("Nessuna citazione qui.");
    }

    @Test
    void locatesTheHistoryAsAnOffsetIntoTheTextAsGiven() {
        String text = "Va bene.\r\n\r\n-- \r\nGiulia\r\n";
        assertThat(QuotedHistory.quotedFrom(text)).hasValue(text.indexOf("-- "));
        String reply = "Thanks!\n\nOn Mon, 23 Nov 2026 at 10:02, Desk <d@x.it> wrote:\n> Hi";
        assertThat(QuotedHistory.quotedFrom(reply)).hasValue(reply.indexOf("On Mon"));
    }

    @Test
    void findsNoHistoryWhenThereIsNoneOrWhenNothingNewWouldRemain() {
        assertThat(QuotedHistory.quotedFrom("Solo una domanda:\nquando arriva?"))
                .isEmpty();
        assertThat(QuotedHistory.quotedFrom("-- \nGiulia Bianchi")).isEmpty();
        assertThat(QuotedHistory.quotedFrom("> solo citazione\n> e basta")).isEmpty();
        assertThat(QuotedHistory.quotedFrom(null)).isEmpty();
    }
}
