package it.sportello.ticket.web;

import java.util.List;

/** One page of an inbox view: its rows and where it sits in the whole list. */
record InboxList(InboxQuery query, List<InboxRow> rows, long total) {

    public int pages() {
        return (int) Math.max(1, (total + InboxQuery.PAGE_SIZE - 1) / InboxQuery.PAGE_SIZE);
    }

    /** The position of the first row, counting from 1 (0 when the list is empty). */
    public long from() {
        return rows.isEmpty() ? 0 : query.offset() + 1L;
    }

    public long to() {
        return query.offset() + (long) rows.size();
    }

    public boolean hasPrevious() {
        return query.page() > 1;
    }

    public boolean hasNext() {
        return query.page() < pages();
    }

    public String previousHref() {
        return query.onPage(query.page() - 1).href();
    }

    public String nextHref() {
        return query.onPage(query.page() + 1).href();
    }

    public List<Long> ids() {
        return rows.stream().map(InboxRow::id).toList();
    }
}
