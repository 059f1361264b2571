package it.sportello.routing;

import it.sportello.identity.GroupId;
import java.time.Instant;

/** A group's strategy or required skills changed: its waiting tickets may find an agent now. */
public record GroupRoutingChanged(GroupId group, RoutingStrategy strategy, Instant occurredAt) {}
