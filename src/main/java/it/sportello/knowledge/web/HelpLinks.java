package it.sportello.knowledge.web;

import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * Links to help-center pages, for templates ({@code @helpLinks.faq(id)}). FAQ ids come from
 * companies' own files and may hold characters a path must escape ("reverted_card_payment?").
 */
@Component("helpLinks")
class HelpLinks {

    public String faq(String faqId) {
        return faqPage(faqId);
    }

    public String article(String slug) {
        return articlePage(slug);
    }

    /** The answer's page; an id's '/' stays a path separator (the page takes the rest of the path). */
    static String faqPage(String faqId) {
        return "/help/faq/" + UriUtils.encodePath(faqId, StandardCharsets.UTF_8);
    }

    static String articlePage(String slug) {
        return "/help/articles/" + UriUtils.encodePathSegment(slug, StandardCharsets.UTF_8);
    }
}
