package it.sportello.channel.email.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.Test;

class JakartaMailStreamProviderTests {

    @Test
    void theProviderJakartaMailWouldFindIsNamedSoItIsNotLookedUpOnEveryHeaderBlock() {
        new MimeParsing();

        assertThat(System.getProperty(JakartaMailStreamProvider.PROPERTY)).isEqualTo(JakartaMailStreamProvider.ANGUS);
        assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(JakartaMailStreamProvider.ANGUS);
    }
}
