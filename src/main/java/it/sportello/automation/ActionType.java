package it.sportello.automation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import it.sportello.shared.EnumCodes;
import java.util.EnumSet;
import java.util.Set;

/** What an action does to a ticket. */
public enum ActionType {
    ASSIGN,
    SET_PRIORITY,
    SET_STATUS,
    ADD_TAGS,
    REMOVE_TAGS,
    REPLY,
    NOTIFY,
    ADD_NOTE,
    WEBHOOK;

    /** What a macro may do: an agent applies it, so the ticket's own fields and a note, nothing that leaves the desk. */
    public static final Set<ActionType> FOR_MACROS =
            EnumSet.of(ASSIGN, SET_PRIORITY, SET_STATUS, ADD_TAGS, REMOVE_TAGS, ADD_NOTE);

    @JsonValue
    public String code() {
        return EnumCodes.code(this);
    }

    @JsonCreator
    public static ActionType fromCode(String code) {
        return EnumCodes.parse(ActionType.class, code, "action");
    }
}
