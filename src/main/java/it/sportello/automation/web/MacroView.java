package it.sportello.automation.web;

import it.sportello.automation.Action;
import it.sportello.automation.Macro;
import java.time.Instant;
import java.util.List;

/** A macro as the API and the pages show it. */
record MacroView(
        long id,
        String name,
        boolean active,
        Long groupId,
        String replyIt,
        String replyEn,
        List<Action> actions,
        Instant updatedAt,
        long version) {

    static MacroView of(Macro m) {
        return new MacroView(
                m.id(),
                m.name(),
                m.active(),
                m.groupId(),
                m.replyIt(),
                m.replyEn(),
                m.actions(),
                m.updatedAt(),
                m.version());
    }
}
