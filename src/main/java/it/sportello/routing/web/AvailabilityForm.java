package it.sportello.routing.web;

import it.sportello.ticket.Channel;
import java.util.List;

/** An agent's availability as the queues page posts it: the ticked channels and the capacity as typed. */
record AvailabilityForm(List<Channel> availableOn, String capacity) {}
