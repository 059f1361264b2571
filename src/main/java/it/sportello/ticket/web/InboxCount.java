package it.sportello.ticket.web;

/** A view in the inbox's navigation with how many tickets it holds under the current filters. */
record InboxCount(InboxFolder folder, long count, String href, boolean current) {}
