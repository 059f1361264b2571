package it.sportello.shared.web;

import it.sportello.shared.SupportedLocale;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The layout's language switch: the page being shown, with its filters and paging kept, in each
 * language we speak ({@code languageLinks.it}, {@code languageLinks.en}).
 */
@ControllerAdvice(annotations = Controller.class)
class LanguageLinks {

    @ModelAttribute("languageLinks")
    Map<String, String> languageLinks(HttpServletRequest request) {
        Object failedPath = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = failedPath != null ? failedPath.toString() : request.getRequestURI();
        String query = failedPath != null ? null : request.getQueryString();
        Map<String, String> links = new LinkedHashMap<>();
        for (SupportedLocale language : SupportedLocale.values()) {
            links.put(
                    language.locale().getLanguage(),
                    UriComponentsBuilder.fromPath(path)
                            .query(query)
                            .replaceQueryParam("lang", language.locale().getLanguage())
                            .build()
                            .toUriString());
        }
        return links;
    }
}
