package it.sportello.identity.web;

import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where a list page is: "Pagina 2 di 7 · 160 risultati" and the links either side, which keep the
 * list's filters. Pages count from 1 in addresses, as people do.
 */
record AdminPager(int number, int totalPages, long total, String previousUrl, String nextUrl) {

    static final int SIZE = 25;

    /** {@code filters} are the query parameters the links must keep (blank values are left out). */
    static AdminPager of(Page<?> page, String path, Map<String, ?> filters) {
        int number = page.getNumber() + 1;
        return new AdminPager(
                number,
                Math.max(1, page.getTotalPages()),
                page.getTotalElements(),
                page.hasPrevious() ? link(path, filters, number - 1) : null,
                page.hasNext() ? link(path, filters, number + 1) : null);
    }

    /** The zero-based page index for a 1-based page parameter; anything odd is the first page. */
    static int index(Integer page) {
        return page == null || page < 1 ? 0 : page - 1;
    }

    private static String link(String path, Map<String, ?> filters, int page) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        filters.forEach((name, value) -> {
            if (value != null && !value.toString().isBlank()) {
                uri.queryParam(name, value);
            }
        });
        if (page > 1) {
            uri.queryParam("page", page);
        }
        return uri.encode().build().toUriString();
    }
}
