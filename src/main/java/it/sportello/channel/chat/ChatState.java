package it.sportello.channel.chat;

import com.fasterxml.jackson.annotation.JsonValue;
import it.sportello.shared.EnumCodes;

/** Where a chat is: with the bot, waiting for a person, with a person, or over. */
public enum ChatState {
    BOT,
    WAITING,
    ACTIVE,
    ENDED;

    @JsonValue
    public String code() {
        return EnumCodes.code(this);
    }

    public boolean live() {
        return this != ENDED;
    }
}
