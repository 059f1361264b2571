package it.sportello.routing;

import it.sportello.identity.UserId;
import java.time.Instant;

/** An agent's availability, capacity or skills changed: they may have room for waiting work now. */
public record AgentProfileChanged(UserId agent, Instant occurredAt) {}
