package it.sportello.channel.email.inbound;

import java.util.List;

/**
 * A delivery-status report (RFC 3464): the recipients it is about with what happened to each,
 * and the Message-ID of the message that could not be delivered, when the report includes it.
 */
public record BounceReport(String originalMessageId, List<Recipient> recipients, String humanReadable) {

    /** One recipient's fate: {@code action} "failed", "delayed", "delivered", ...; {@code status} like 5.1.1. */
    public record Recipient(String address, String action, String status, String diagnostic) {

        /** A permanent failure: the address will not accept mail. */
        public boolean failedPermanently() {
            return "failed".equalsIgnoreCase(action) && (status == null || status.startsWith("5"));
        }
    }
}
