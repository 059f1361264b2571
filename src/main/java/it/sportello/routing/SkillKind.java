package it.sportello.routing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import it.sportello.shared.EnumCodes;

/** What a skill is about: a language the agent speaks, a product they know, a channel they work on. */
public enum SkillKind {
    LANGUAGE,
    PRODUCT,
    CHANNEL;

    @JsonValue
    public String code() {
        return EnumCodes.code(this);
    }

    @JsonCreator
    public static SkillKind fromCode(String code) {
        return EnumCodes.parse(SkillKind.class, code, "kind");
    }
}
