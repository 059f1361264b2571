package it.sportello.channel.email.outbound;

import com.fasterxml.jackson.annotation.JsonValue;
import it.sportello.shared.EnumCodes;

/** Why a mail leaves: an agent's reply, or the automatic acknowledgement of a new ticket. */
enum MailKind {
    REPLY,
    ACKNOWLEDGEMENT;

    @JsonValue
    String code() {
        return EnumCodes.code(this);
    }
}
