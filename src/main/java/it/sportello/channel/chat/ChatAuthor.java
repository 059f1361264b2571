package it.sportello.channel.chat;

import com.fasterxml.jackson.annotation.JsonValue;
import it.sportello.shared.EnumCodes;

/** Who wrote a line of a chat: the visitor, the bot, a person of the desk, or the desk's own notices. */
public enum ChatAuthor {
    VISITOR,
    BOT,
    AGENT,
    SYSTEM;

    @JsonValue
    public String code() {
        return EnumCodes.code(this);
    }
}
