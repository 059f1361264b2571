package it.sportello.portal.web;

import java.time.Instant;
import java.util.List;

/** A request as its customer sees it: the public conversation only, oldest first. */
record RequestView(
        long id, String subject, CustomerStatus status, Instant createdAt, boolean closed, List<MessageView> messages) {

    /** One message: {@code mine} when the customer wrote it, else the desk's answer and who gave it. */
    /** {@code newPartHtml}, when not null, is shown first and the whole {@code html} behind a disclosure. */
    record MessageView(
            long id,
            boolean mine,
            String author,
            String html,
            String newPartHtml,
            Instant sentAt,
            List<FileView> files) {}

    /** An attachment, downloaded through the portal. */
    record FileView(long id, String name, String size) {}
}
