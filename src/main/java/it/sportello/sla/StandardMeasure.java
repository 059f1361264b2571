package it.sportello.sla;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import it.sportello.shared.EnumCodes;

/** What a service standard measures, from which fact of a ticket to which. */
public enum StandardMeasure {
    /** From the ticket's opening to the first public reply by a person. */
    FIRST_RESPONSE,
    /** From the ticket's opening to its being solved. */
    RESOLUTION,
    /**
     * A chat answered by a person: from the chat's ticket opening to the first reply by a person.
     * The chat module publishes no hand-over event yet, so the time the bot spent comes with it.
     */
    CHAT_ANSWERED,
    /** From the ticket's opening (or another named milestone) to a milestone the company records ("consegna"). */
    MILESTONE;

    @JsonValue
    public String code() {
        return EnumCodes.code(this);
    }

    @JsonCreator
    public static StandardMeasure fromCode(String code) {
        return EnumCodes.parse(StandardMeasure.class, code, "measure");
    }

    /** Measures of an answer: a ticket done without any answer (spam, a chat the bot settled) is not counted. */
    boolean measuresAnAnswer() {
        return this == FIRST_RESPONSE || this == CHAT_ANSWERED;
    }
}
