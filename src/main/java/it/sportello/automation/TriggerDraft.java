package it.sportello.automation;

import java.util.List;

/** A trigger as written by a supervisor; {@link Triggers} checks and cleans it. */
public record TriggerDraft(
        String name,
        TriggerEvent event,
        boolean active,
        boolean matchAny,
        List<Condition> conditions,
        List<Action> actions) {}
