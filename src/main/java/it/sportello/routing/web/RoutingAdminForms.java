package it.sportello.routing.web;

import it.sportello.ticket.Channel;
import java.util.List;

/** The forms of the routing settings pages, as posted: values as typed, so a wrong one comes back as typed. */
final class RoutingAdminForms {

    private RoutingAdminForms() {}

    /** A group's strategy (its code) and required skills. */
    record GroupForm(String strategy, List<Long> requiredSkills, Long version) {}

    /** An agent's channels, capacity and skills; each skill as "id:level" from its select, "" for none. */
    record AgentForm(List<Channel> availableOn, String capacity, List<String> skills, Long version) {}

    /** A new skill of the catalogue. */
    record SkillForm(String kind, String code, String name) {}
}
