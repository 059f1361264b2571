package it.sportello.channel.chat.web;

import it.sportello.channel.chat.ChatAgents;

/**
 * The availability box of the chat workspace, as typed: {@code availability} is {@code available}
 * or {@code away}; {@code capacity} stays text so a wrong entry comes back as it was written.
 */
record ChatAvailabilityForm(String availability, String capacity) {

    static ChatAvailabilityForm of(ChatAgents.Availability current) {
        return new ChatAvailabilityForm(
                current.available() ? "available" : "away", Integer.toString(current.capacity()));
    }

    public boolean available() {
        return "available".equals(availability);
    }
}
