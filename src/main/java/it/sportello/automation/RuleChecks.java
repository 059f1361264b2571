package it.sportello.automation;

import it.sportello.identity.GroupId;
import it.sportello.identity.UserId;
import it.sportello.identity.UserManagement;
import it.sportello.shared.InvalidInputException;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Checks what a rule refers to outside itself: the groups and agents it assigns to, the people it
 * notifies. Runs before the rule's own transaction, so a fault leaves nothing half-written.
 */
@Component
class RuleChecks {

    private final UserManagement users;

    RuleChecks(UserManagement users) {
        this.users = users;
    }

    void references(List<Action> actions, Map<String, String> errors) {
        for (int i = 0; i < actions.size(); i++) {
            Action action = actions.get(i);
            String field = "actions[" + i + "]";
            if (action.type() == ActionType.ASSIGN) {
                if (action.groupId() != null) {
                    check(() -> users.requireGroup(new GroupId(action.groupId()), field + ".groupId"), errors);
                }
                if (action.agentId() != null) {
                    check(() -> users.requireAssignableAgent(new UserId(action.agentId()), field + ".agentId"), errors);
                }
            }
            if (action.type() == ActionType.NOTIFY && action.value() != null && !errors.containsKey(field + ".value")) {
                for (String who : action.value().split(",")) {
                    String w = who.trim();
                    if (w.matches("\\d+")) {
                        check(
                                () -> users.requireAssignableAgent(new UserId(Long.parseLong(w)), field + ".value"),
                                errors);
                    }
                }
            }
        }
    }

    private static void check(Runnable lookup, Map<String, String> errors) {
        try {
            lookup.run();
        } catch (InvalidInputException e) {
            e.fieldErrors().forEach(errors::putIfAbsent);
        }
    }
}
