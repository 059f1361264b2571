package it.sportello.ticket;

import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Subquery;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.data.jpa.domain.Specification;

/** Turns a {@link TicketSearch} into a query; every filter is an indexed column or a correlated subquery. */
final class TicketSpecifications {

    private TicketSpecifications() {}

    static Specification<Ticket> matching(TicketSearch search, boolean includeNotes) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (search.statuses() != null && !search.statuses().isEmpty()) {
                where.add(root.get("status").in(search.statuses()));
            }
            if (search.unassigned()) {
                where.add(cb.isNull(root.get("assigneeId")));
            } else if (search.assignee() != null) {
                where.add(cb.equal(root.get("assigneeId"), search.assignee().value()));
            }
            if (search.channel() != null) {
                where.add(cb.equal(root.get("channel"), search.channel()));
            }
            if (search.customer() != null) {
                where.add(cb.equal(root.get("requesterId"), search.customer().value()));
            }
            if (search.group() != null) {
                where.add(cb.equal(root.get("groupId"), search.group().value()));
            }
            if (search.priority() != null) {
                where.add(cb.equal(root.get("priority"), search.priority()));
            }
            if (search.updatedSince() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("updatedAt"), search.updatedSince()));
            }
            if (search.solvedSince() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("solvedAt"), search.solvedSince()));
            }
            if (search.tag() != null && !search.tag().isBlank()) {
                where.add(cb.isMember(search.tag().strip().toLowerCase(Locale.ROOT), root.get("tags")));
            }
            if (search.text() != null && !search.text().isBlank()) {
                String pattern = "%" + escapeLike(search.text().strip().toLowerCase(Locale.ROOT)) + "%";
                Subquery<Long> inMessages = query.subquery(Long.class);
                var message = inMessages.from(Message.class);
                List<Predicate> messageWhere = new ArrayList<>();
                messageWhere.add(cb.equal(message.get("ticketId"), root.get("id")));
                messageWhere.add(cb.like(cb.lower(message.get("bodyText")), pattern, '\\'));
                if (!includeNotes) {
                    messageWhere.add(cb.isFalse(message.get("internal")));
                }
                inMessages.select(message.get("id")).where(messageWhere.toArray(Predicate[]::new));
                where.add(cb.or(cb.like(cb.lower(root.get("subject")), pattern, '\\'), cb.exists(inMessages)));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    /**
     * Orders a list in the query itself, for orders a {@code Sort} cannot say: priority is stored by
     * name, and "urgent" must come before "high" whatever the alphabet thinks. Spring Data leaves a
     * specification's order alone when the page request is unsorted, and drops it from the count.
     */
    static Specification<Ticket> orderedBy(TicketOrder order) {
        return (root, query, cb) -> {
            List<Order> orders = new ArrayList<>();
            switch (order) {
                case UPDATED_NEWEST -> orders.add(cb.desc(root.get("updatedAt")));
                case UPDATED_OLDEST -> orders.add(cb.asc(root.get("updatedAt")));
                case CREATED_NEWEST -> orders.add(cb.desc(root.get("createdAt")));
                case PRIORITY -> {
                    orders.add(cb.asc(cb.<Priority, Integer>selectCase(root.get("priority"))
                            .when(Priority.URGENT, 0)
                            .when(Priority.HIGH, 1)
                            .when(Priority.NORMAL, 2)
                            .otherwise(3)));
                    orders.add(cb.desc(root.get("updatedAt")));
                }
                case SLA_DUE -> {
                    // Nulls last in the same way on H2 and PostgreSQL: a missing due time sorts as "never".
                    orders.add(cb.asc(cb.selectCase()
                            .when(cb.isNull(root.get("slaDueAt")), 1)
                            .otherwise(0)));
                    orders.add(cb.asc(root.get("slaDueAt")));
                }
            }
            orders.add(
                    order == TicketOrder.UPDATED_OLDEST || order == TicketOrder.SLA_DUE
                            ? cb.asc(root.get("id"))
                            : cb.desc(root.get("id")));
            query.orderBy(orders);
            return null;
        };
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
