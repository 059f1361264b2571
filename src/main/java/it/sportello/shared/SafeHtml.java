package it.sportello.shared;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * A message body made safe to show: sanitised HTML (no scripts, no event handlers, no foreign
 * styles; links open outside) and its plain-text reading. Every inbound body passes through here
 * before it is stored, so nothing downstream has to trust what a customer sent.
 */
public record SafeHtml(String html, String text) {

    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\n\\s*\n");
    private static final Pattern BLANK_RUN = Pattern.compile("[ \t]+");
    private static final Pattern BLANK_AROUND_BREAK = Pattern.compile(" *\n *");
    private static final Pattern MANY_BREAKS = Pattern.compile("\n{3,}");

    private static final Safelist ALLOWED = Safelist.relaxed()
            .removeTags("img")
            .addAttributes("a", "rel", "target")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer")
            .addProtocols("a", "href", "http", "https", "mailto", "tel");

    /** Sanitises HTML from an untrusted source and derives its text. */
    public static SafeHtml fromUntrustedHtml(String html) {
        String clean = Jsoup.clean(html == null ? "" : html, ALLOWED);
        // One parse serves both readings: writing the HTML out and reading its text change nothing.
        Document document = Jsoup.parseBodyFragment(clean);
        document.outputSettings().prettyPrint(false);
        return new SafeHtml(document.body().html(), textOf(document));
    }

    /** Reads HTML as text, keeping the line and paragraph breaks a reader would see. */
    private static String textOf(Document document) {
        StringBuilder text = new StringBuilder();
        NodeTraversor.traverse(
                new NodeVisitor() {
                    @Override
                    public void head(Node node, int depth) {
                        if (node instanceof TextNode textNode) {
                            text.append(textNode.text());
                        } else if (node instanceof Element element && element.nameIs("br")) {
                            text.append('\n');
                        } else if (node instanceof Element element && element.isBlock()) {
                            text.append("\n\n");
                        }
                    }

                    @Override
                    public void tail(Node node, int depth) {
                        if (node instanceof Element element && element.isBlock() && !element.nameIs("br")) {
                            text.append("\n\n");
                        }
                    }
                },
                document.body());
        String tidy = BLANK_RUN.matcher(text).replaceAll(" ");
        tidy = BLANK_AROUND_BREAK.matcher(tidy).replaceAll("\n");
        return PlainText.clean(MANY_BREAKS.matcher(tidy).replaceAll("\n\n"));
    }

    /** Wraps plain text as HTML: escaped, paragraphs and line breaks kept. */
    public static SafeHtml fromPlainText(String text) {
        String clean = PlainText.clean(text);
        StringBuilder html = new StringBuilder();
        for (String paragraph : PARAGRAPH_BREAK.split(clean)) {
            if (paragraph.isBlank()) {
                continue;
            }
            html.append("<p>")
                    .append(org.jsoup.nodes.Entities.escape(paragraph.strip()).replace("\n", "<br>"))
                    .append("</p>");
        }
        return new SafeHtml(html.toString(), clean);
    }
}
