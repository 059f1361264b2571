package it.sportello.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTests {

    @Test
    void removesControlCharactersButKeepsLineBreaksAndTabs() {
        assertThat(PlainText.clean("Buon\u0000gior\u0007no\u001B,\n\tcome va?\u007F"))
                .isEqualTo("Buongiorno,\n\tcome va?");
    }

    @Test
    void removesInvisibleSeparatorsAndByteOrderMarks() {
        assertThat(PlainText.clean("\uFEFFciao\u200B mondo\u2028fine\u2029")).isEqualTo("ciao mondofine");
    }

    @Test
    void unifiesLineEndings() {
        assertThat(PlainText.clean("uno\r\ndue\rtre\nquattro")).isEqualTo("uno\ndue\ntre\nquattro");
    }

    @Test
    void keepsParagraphBreaksInsideTheText() {
        assertThat(PlainText.clean("  Primo paragrafo.\n\nSecondo paragrafo.  \n\n"))
                .isEqualTo("Primo paragrafo.\n\nSecondo paragrafo.");
    }

    @Test
    void composesAccentsIntoSingleCharacters() {
        String decomposed = "perche\u0301 cosi\u0300";

        assertThat(PlainText.clean(decomposed)).isEqualTo("perché così").hasSize(11);
    }

    @Test
    void turnsNothingIntoAnEmptyString() {
        assertThat(PlainText.clean(null)).isEmpty();
        assertThat(PlainText.line(null)).isEmpty();
        assertThat(PlainText.clean(" \n\t ")).isEmpty();
    }

    @Test
    void foldsALineValueIntoOneLine() {
        assertThat(PlainText.line("  Ordine\n\n1234 \t non   arrivato\r\n")).isEqualTo("Ordine 1234 non arrivato");
    }
}
