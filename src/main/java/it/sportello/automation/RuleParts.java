package it.sportello.automation;

import it.sportello.shared.InvalidInputException;
import it.sportello.shared.PlainText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks and cleans what every rule has: a name, conditions and actions. Collects all the faults at once. */
final class RuleParts {

    static final int MAX_NAME = 200;
    static final int MAX_ITEMS = 30;

    private RuleParts() {}

    static String name(String name, Map<String, String> errors) {
        String clean = PlainText.line(name);
        if (clean.isEmpty()) {
            errors.put("name", "must not be blank");
        } else if (clean.length() > MAX_NAME) {
            errors.put("name", "must be at most " + MAX_NAME + " characters");
        }
        return clean;
    }

    static List<Condition> conditions(List<Condition> conditions, Map<String, String> errors) {
        List<Condition> clean = new ArrayList<>();
        List<Condition> given = conditions == null ? List.of() : conditions;
        if (given.size() > MAX_ITEMS) {
            errors.put("conditions", "at most " + MAX_ITEMS);
        }
        for (int i = 0; i < given.size(); i++) {
            Condition c = given.get(i) == null
                    ? new Condition(null, null)
                    : given.get(i).cleaned();
            c.validate("conditions[" + i + "]", errors);
            clean.add(c);
        }
        return clean;
    }

    static List<Action> actions(
            List<Action> actions, Set<ActionType> allowed, boolean required, Map<String, String> errors) {
        List<Action> clean = new ArrayList<>();
        List<Action> given = actions == null ? List.of() : actions;
        if (required && given.isEmpty()) {
            errors.put("actions", "at least one action is needed");
        }
        if (given.size() > MAX_ITEMS) {
            errors.put("actions", "at most " + MAX_ITEMS);
        }
        for (int i = 0; i < given.size(); i++) {
            Action a = given.get(i) == null
                    ? new Action(null, null, null, null, null, null, null, null)
                    : given.get(i).cleaned();
            a.validate("actions[" + i + "]", errors);
            if (a.type() != null && !allowed.contains(a.type())) {
                errors.put("actions[" + i + "].type", "not allowed here");
            }
            clean.add(a);
        }
        return clean;
    }

    static Map<String, String> errors() {
        return new LinkedHashMap<>();
    }

    static void throwIfAny(Map<String, String> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
