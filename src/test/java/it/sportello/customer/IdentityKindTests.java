package it.sportello.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdentityKindTests {

    @Test
    void writesEveryFormOfOneInternationalNumberTheSameWay() {
        assertThat(IdentityKind.PHONE.normalise("+39 051 555-0101")).isEqualTo("+390515550101");
        assertThat(IdentityKind.PHONE.normalise("0039 0515550101")).isEqualTo("+390515550101");
        assertThat(IdentityKind.PHONE.normalise(" +39 (051) 555.01.01 ")).isEqualTo("+390515550101");
    }

    @Test
    void keepsANationalNumberWithoutAPrefix() {
        assertThat(IdentityKind.PHONE.normalise("051 555 0101")).isEqualTo("0515550101");
        assertThat(IdentityKind.PHONE.normalise("333/555-0199")).isEqualTo("3335550199");
    }

    @Test
    void lowerCasesAndTrimsEmailAddresses() {
        assertThat(IdentityKind.EMAIL.normalise("  Anna.Conti@Example.IT ")).isEqualTo("anna.conti@example.it");
    }

    @Test
    void lowerCasesSocialHandlesButKeepsChatVisitorIdsAsTheyAre() {
        assertThat(IdentityKind.SOCIAL.normalise(" @BottegaVerde ")).isEqualTo("@bottegaverde");
        assertThat(IdentityKind.CHAT.normalise(" Visitor-AbC123 ")).isEqualTo("Visitor-AbC123");
    }

    @Test
    void treatsNothingAsAnEmptyAddress() {
        for (IdentityKind kind : IdentityKind.values()) {
            assertThat(kind.normalise(null)).as(kind.name()).isEmpty();
            assertThat(kind.normalise("   ")).as(kind.name()).isEmpty();
        }
    }
}
