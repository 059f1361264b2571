package it.sportello.ticket.web;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The inbox list an agent last looked at, kept in their session: the query, and the tickets it
 * showed in order. "Next ticket" follows it, and a bare {@code /inbox} returns to it. Small and
 * serializable, so a replicated or persisted session carries it to any node.
 */
record InboxTrail(InboxQuery query, List<Long> ids) implements Serializable {

    private static final String ATTRIBUTE = InboxTrail.class.getName();

    InboxTrail {
        ids = List.copyOf(ids);
    }

    static Optional<InboxTrail> of(HttpSession session) {
        return session.getAttribute(ATTRIBUTE) instanceof InboxTrail trail ? Optional.of(trail) : Optional.empty();
    }

    void keepIn(HttpSession session) {
        session.setAttribute(ATTRIBUTE, this);
    }

    /** {@code id} and the tickets that came before it in the list (only {@code id} if it was not there). */
    Set<Long> upTo(long id) {
        int position = ids.indexOf(id);
        Set<Long> seen = new HashSet<>(position < 0 ? List.of() : ids.subList(0, position));
        seen.add(id);
        return seen;
    }

    /** The tickets that came after {@code id} in the list, in order; empty if it was not there. */
    List<Long> after(long id) {
        int position = ids.indexOf(id);
        return position < 0 ? List.of() : ids.subList(position + 1, ids.size());
    }
}
