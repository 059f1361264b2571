package it.sportello.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeHtmlTests {

    @Test
    void stripsScriptsAndTheirContent() {
        SafeHtml safe = SafeHtml.fromUntrustedHtml(
                "<p>Ciao<script>alert('x')</script></p><script src=\"https://evil.example/x.js\"></script>");

        assertThat(safe.html()).isEqualTo("<p>Ciao</p>");
        assertThat(safe.text()).isEqualTo("Ciao");
    }

    @Test
    void stripsEventHandlersAndStyles() {
        SafeHtml safe = SafeHtml.fromUntrustedHtml(
                "<p onclick=\"steal()\" style=\"position:fixed\" class=\"x\">Testo <b onmouseover=\"x()\">importante</b></p>");

        assertThat(safe.html()).isEqualTo("<p>Testo <b>importante</b></p>");
    }

    @Test
    void dropsJavascriptLinksButKeepsTheirText() {
        SafeHtml safe = SafeHtml.fromUntrustedHtml(
                "<a href=\"javascript:alert(1)\">clicca</a> <a href=\"JaVaScRiPt:alert(2)\">qui</a>");

        assertThat(safe.html()).doesNotContainIgnoringCase("javascript").doesNotContain("href");
        assertThat(safe.text()).isEqualTo("clicca qui");
    }

    @Test
    void keepsWebMailAndPhoneLinksAndMakesThemNoFollow() {
        SafeHtml safe = SafeHtml.fromUntrustedHtml(
                "<a href=\"https://bottegaverde.example/ordini\">ordini</a> <a href=\"mailto:info@example.it\">scrivi</a> <a href=\"tel:+39051555\">chiama</a>");

        assertThat(safe.html())
                .contains("href=\"https://bottegaverde.example/ordini\"")
                .contains("href=\"mailto:info@example.it\"")
                .contains("href=\"tel:+39051555\"");
        assertThat(safe.html().split("rel=\"nofollow noopener noreferrer\"", -1))
                .hasSize(4);
    }

    @Test
    void dropsImagesFramesAndForms() {
        SafeHtml safe = SafeHtml.fromUntrustedHtml(
                "<p>a</p><img src=\"https://tracker.example/p.gif\"><iframe src=\"https://x.example\"></iframe><form action=\"/x\"><input name=\"q\"></form><svg onload=\"x()\"></svg>");

        assertThat(safe.html()).isEqualTo("<p>a</p>");
    }

    @Test
    void keepsBasicFormatting() {
        String html =
                "<p>Gentile <strong>Anna</strong>, <em>grazie</em>.</p><ul><li>uno</li><li>due</li></ul><blockquote>citazione</blockquote>";

        // Jsoup.clean indents block elements; the whitespace between tags does not change the page.
        assertThat(SafeHtml.fromUntrustedHtml(html).html().replaceAll(">\\s+<", "><"))
                .isEqualTo(html);
    }

    @Test
    void readsParagraphsAndLineBreaksAsText() {
        SafeHtml safe = SafeHtml.fromUntrustedHtml("<p>Buongiorno,<br>ho un problema.</p><p>Grazie</p><div>Anna</div>");

        assertThat(safe.text()).isEqualTo("Buongiorno,\nho un problema.\n\nGrazie\n\nAnna");
    }

    @Test
    void treatsNothingAsEmpty() {
        SafeHtml safe = SafeHtml.fromUntrustedHtml(null);

        assertThat(safe.html()).isEmpty();
        assertThat(safe.text()).isEmpty();
    }

    @Test
    void wrapsPlainTextEscapedWithItsParagraphs() {
        SafeHtml safe = SafeHtml.fromPlainText("Prima riga\nseconda <b>riga</b> & co.\n\n\nNuovo paragrafo");

        assertThat(safe.html())
                .isEqualTo("<p>Prima riga<br>seconda &lt;b&gt;riga&lt;/b&gt; &amp; co.</p><p>Nuovo paragrafo</p>");
        assertThat(safe.text()).isEqualTo("Prima riga\nseconda <b>riga</b> & co.\n\n\nNuovo paragrafo");
    }

    @Test
    void cleansControlCharactersOutOfPlainText() {
        SafeHtml safe = SafeHtml.fromPlainText("ciao\u0000\r\nmondo");

        assertThat(safe.text()).isEqualTo("ciao\nmondo");
        assertThat(safe.html()).isEqualTo("<p>ciao<br>mondo</p>");
    }
}
