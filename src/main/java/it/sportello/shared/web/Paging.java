package it.sportello.shared.web;

import it.sportello.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * Reads {@code page}, {@code size} and {@code sort} query parameters ({@code sort=updatedAt,desc},
 * repeatable) against the fields a list may be sorted by, mapping API names to entity properties.
 */
public final class Paging {

    public static final int MAX_SIZE = 100;

    private Paging() {}

    public static PageRequest of(
            Integer page, Integer size, List<String> sort, Map<String, String> sortable, Sort fallback) {
        int number = page == null ? 0 : page;
        int length = size == null ? 25 : size;
        if (number < 0) {
            throw new InvalidInputException("page", "must be 0 or more");
        }
        if (length < 1 || length > MAX_SIZE) {
            throw new InvalidInputException("size", "must be between 1 and " + MAX_SIZE);
        }
        // Spring splits "sort=updatedAt,desc" at the comma, so read the tokens as "field [direction]" pairs.
        List<String> tokens = new ArrayList<>();
        for (String clause : sort == null ? List.<String>of() : sort) {
            for (String token : clause.split(",")) {
                if (!token.isBlank()) {
                    tokens.add(token.trim());
                }
            }
        }
        List<Sort.Order> orders = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String property = sortable.get(tokens.get(i));
            if (property == null) {
                throw new InvalidInputException(
                        "sort",
                        "cannot sort by '" + tokens.get(i) + "'; one of " + String.join(", ", sortable.keySet()));
            }
            boolean descending = false;
            if (i + 1 < tokens.size()
                    && (tokens.get(i + 1).equalsIgnoreCase("asc")
                            || tokens.get(i + 1).equalsIgnoreCase("desc"))) {
                descending = tokens.get(++i).equalsIgnoreCase("desc");
            }
            orders.add(descending ? Sort.Order.desc(property) : Sort.Order.asc(property));
        }
        Sort chosen = orders.isEmpty() ? fallback : Sort.by(orders);
        return PageRequest.of(number, length, chosen);
    }
}
