package it.sportello.automation;

import java.util.List;

/** A macro as written by a supervisor; {@code groupId} null makes it visible to every agent. */
public record MacroDraft(
        String name, boolean active, Long groupId, String replyIt, String replyEn, List<Action> actions) {}
