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
        return "/help/faq/" + UriUtils.encodePath(faqId, StandardCharsets.UTF_8);
    }

    public String article(String slug) {
        return "/help/articles/" + UriUtils.encodePath(slug, StandardCharsets.UTF_8);
    }
}
