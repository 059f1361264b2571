package it.sportello.routing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import it.sportello.shared.EnumCodes;

/**
 * How a group hands out the tickets of its queue. Manual leaves them waiting for someone to take
 * them; the others pick an agent of the group who is available on the ticket's channel and has room.
 */
public enum RoutingStrategy {
    /** Nobody is picked: agents take tickets from the queue themselves. */
    MANUAL,
    /** The next agent after the one picked last, in a fixed order, skipping who is away or full. */
    ROUND_ROBIN,
    /** The agent with the fewest open tickets; on a tie, who has waited longest since their last one. */
    LEAST_LOADED,
    /** Only agents with the ticket's language and products; the best skilled wins, then the least loaded. */
    SKILL_BASED;

    public boolean automatic() {
        return this != MANUAL;
    }

    @JsonValue
    public String code() {
        return EnumCodes.code(this);
    }

    @JsonCreator
    public static RoutingStrategy fromCode(String code) {
        return EnumCodes.parse(RoutingStrategy.class, code, "strategy");
    }
}
