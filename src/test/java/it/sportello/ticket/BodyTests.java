package it.sportello.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.sportello.shared.InvalidInputException;
import it.sportello.shared.SafeHtml;
import it.sportello.ticket.TicketManagement.Body;
import org.junit.jupiter.api.Test;

/**
 * A body read ahead ({@link Body#read()}) is stored as it would have been unread, and its kept
 * reading serves only the text and HTML it was made of.
 */
class BodyTests {

    private static final String HTML =
            "<p>Buongiorno,</p><script>alert(1)</script><p>il pacco <b>non</b> è arrivato.</p>";

    @Test
    void aBodyReadAheadIsStoredAsItWouldHaveBeenUnread() {
        Body unread = new Body("testo", HTML);
        Body read = unread.read();

        assertThat(read.sanitised()).isEqualTo(unread.sanitised()).isEqualTo(SafeHtml.fromUntrustedHtml(HTML));
        assertThat(read.plainText()).isEqualTo(unread.plainText()).doesNotContain("alert");
        assertThat(read.withQuotedFrom(3).sanitised()).isSameAs(read.sanitised());
        assertThat(read).isEqualTo(unread).hasSameHashCodeAs(unread);
    }

    @Test
    void aReadingServesNoOtherContent() {
        Body read = new Body("testo", HTML).read();
        String other = "<p>altro</p><img src=x onerror=alert(2)>";

        Body copied = new Body("testo", other, null, read.reading());

        assertThat(copied.sanitised()).isEqualTo(SafeHtml.fromUntrustedHtml(other));
        assertThat(copied.plainText()).isEqualTo("altro");
    }

    @Test
    void htmlThatShowsNothingIsToldApartAndStillRefusedAlone() {
        Body onlyAnImage = new Body(null, "<p><img src=\"cid:logo\"></p>").read();

        assertThat(onlyAnImage.showsText()).isFalse();
        assertThatThrownBy(onlyAnImage::plainText).isInstanceOf(InvalidInputException.class);
        assertThat(new Body("solo testo", null).read().showsText()).isTrue();
    }
}
