package it.sportello.channel.email.outbound;

import com.fasterxml.jackson.annotation.JsonValue;
import it.sportello.shared.EnumCodes;

/** Where a mail of the outbox stands: waiting (first try or a retry), accepted by SMTP, or given up on. */
enum MailStatus {
    QUEUED,
    SENT,
    FAILED;

    @JsonValue
    String code() {
        return EnumCodes.code(this);
    }
}
