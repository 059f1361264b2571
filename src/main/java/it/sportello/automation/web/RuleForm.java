package it.sportello.automation.web;

import it.sportello.automation.Action;
import it.sportello.automation.ActionType;
import it.sportello.automation.Condition;
import it.sportello.automation.ConditionKind;
import it.sportello.automation.Macro;
import it.sportello.automation.TimeRule;
import it.sportello.automation.Trigger;
import java.util.ArrayList;
import java.util.List;

/**
 * The form of a trigger, a time rule or a macro on the automations page (each uses its part). A
 * bean rather than a record: the page posts its condition and action rows as indexed fields
 * ({@code conditions[0].kind}), which Spring binds onto lists of beans. Blank rows are left out.
 */
public class RuleForm {

    static final int CONDITION_ROWS = 5;
    static final int ACTION_ROWS = 4;

    private String name;
    private boolean active = true;
    private String event = "ticket_created";
    private boolean matchAny;
    private String measure = "in_status";
    private String status = "pending";
    private String afterHours = "24";
    private boolean businessHours;
    private Long calendarId;
    private Long groupId;
    private String replyIt;
    private String replyEn;
    private Long version;
    private List<ConditionRow> conditions = new ArrayList<>();
    private List<ActionRow> actions = new ArrayList<>();

    /** One condition row as posted. */
    public static class ConditionRow {
        private String kind;
        private String value;

        public String getKind() {
            return kind;
        }

        public void setKind(String kind) {
            this.kind = kind;
        }

        public String getValue() {
            return value;
        }

        public void setValue(String value) {
            this.value = value;
        }
    }

    /** One action row as posted. */
    public static class ActionRow {
        private String type;
        private String value;
        private Long groupId;
        private Long agentId;
        private String textIt;
        private String textEn;
        private String url;
        private String secret;

        public String getType() {
            return type;
        }

        public void setType(String type) {
            this.type = type;
        }

        public String getValue() {
            return value;
        }

        public void setValue(String value) {
            this.value = value;
        }

        public Long getGroupId() {
            return groupId;
        }

        public void setGroupId(Long groupId) {
            this.groupId = groupId;
        }

        public Long getAgentId() {
            return agentId;
        }

        public void setAgentId(Long agentId) {
            this.agentId = agentId;
        }

        public String getTextIt() {
            return textIt;
        }

        public void setTextIt(String textIt) {
            this.textIt = textIt;
        }

        public String getTextEn() {
            return textEn;
        }

        public void setTextEn(String textEn) {
            this.textEn = textEn;
        }

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }

        public String getSecret() {
            return secret;
        }

        public void setSecret(String secret) {
            this.secret = secret;
        }
    }

    static RuleForm of(Trigger trigger) {
        RuleForm form = new RuleForm();
        form.name = trigger.name();
        form.active = trigger.active();
        form.event = trigger.event().code();
        form.matchAny = trigger.matchAny();
        form.version = trigger.version();
        form.fill(trigger.conditions(), trigger.actions());
        return form;
    }

    static RuleForm of(TimeRule rule) {
        RuleForm form = new RuleForm();
        form.name = rule.name();
        form.active = rule.active();
        form.measure = rule.measure().code();
        form.status = rule.status() == null ? "" : rule.status().code();
        form.afterHours = String.valueOf(rule.afterHours());
        form.businessHours = rule.businessHours();
        form.calendarId = rule.calendarId();
        form.matchAny = rule.matchAny();
        form.version = rule.version();
        form.fill(rule.conditions(), rule.actions());
        return form;
    }

    static RuleForm of(Macro macro) {
        RuleForm form = new RuleForm();
        form.name = macro.name();
        form.active = macro.active();
        form.groupId = macro.groupId();
        form.replyIt = macro.replyIt();
        form.replyEn = macro.replyEn();
        form.version = macro.version();
        form.fill(List.of(), macro.actions());
        return form;
    }

    /** Pads the rows to the page's fixed number, so there is always room for one more. */
    RuleForm padded() {
        int conditionRows = Math.max(CONDITION_ROWS, conditions.size() + 1);
        while (conditions.size() < conditionRows) {
            conditions.add(new ConditionRow());
        }
        int actionRows = Math.max(ACTION_ROWS, actions.size() + 1);
        while (actions.size() < actionRows) {
            actions.add(new ActionRow());
        }
        return this;
    }

    private void fill(List<Condition> given, List<Action> done) {
        for (Condition c : given) {
            ConditionRow row = new ConditionRow();
            row.kind = c.kind().code();
            row.value = c.value();
            conditions.add(row);
        }
        for (Action a : done) {
            ActionRow row = new ActionRow();
            row.type = a.type().code();
            row.value = a.value();
            row.groupId = a.groupId();
            row.agentId = a.agentId();
            row.textIt = a.textIt();
            row.textEn = a.textEn();
            row.url = a.url();
            row.secret = a.secret();
            actions.add(row);
        }
    }

    /**
     * The filled-in condition rows as conditions, with the index each had on the page (so an error
     * lands on the right row); blank rows are left out.
     */
    List<Indexed<Condition>> conditionList() {
        List<Indexed<Condition>> list = new ArrayList<>();
        for (int i = 0; i < conditions.size(); i++) {
            ConditionRow row = conditions.get(i);
            if (row != null && row.kind != null && !row.kind.isBlank()) {
                list.add(new Indexed<>(i, new Condition(parse(ConditionKind.class, row.kind), row.value)));
            }
        }
        return list;
    }

    List<Indexed<Action>> actionList() {
        List<Indexed<Action>> list = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            ActionRow row = actions.get(i);
            if (row != null && row.type != null && !row.type.isBlank()) {
                list.add(new Indexed<>(
                        i,
                        new Action(
                                parse(ActionType.class, row.type),
                                row.value,
                                row.groupId,
                                row.agentId,
                                row.textIt,
                                row.textEn,
                                row.url,
                                row.secret)));
            }
        }
        return list;
    }

    /** A value with the row it came from. */
    record Indexed<T>(int row, T value) {}

    private static <E extends Enum<E>> E parse(Class<E> type, String code) {
        try {
            return it.sportello.shared.EnumCodes.parse(type, code, type.getSimpleName());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public String getEvent() {
        return event;
    }

    public void setEvent(String event) {
        this.event = event;
    }

    public boolean isMatchAny() {
        return matchAny;
    }

    public void setMatchAny(boolean matchAny) {
        this.matchAny = matchAny;
    }

    public String getMeasure() {
        return measure;
    }

    public void setMeasure(String measure) {
        this.measure = measure;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getAfterHours() {
        return afterHours;
    }

    public void setAfterHours(String afterHours) {
        this.afterHours = afterHours;
    }

    public boolean isBusinessHours() {
        return businessHours;
    }

    public void setBusinessHours(boolean businessHours) {
        this.businessHours = businessHours;
    }

    public Long getCalendarId() {
        return calendarId;
    }

    public void setCalendarId(Long calendarId) {
        this.calendarId = calendarId;
    }

    public Long getGroupId() {
        return groupId;
    }

    public void setGroupId(Long groupId) {
        this.groupId = groupId;
    }

    public String getReplyIt() {
        return replyIt;
    }

    public void setReplyIt(String replyIt) {
        this.replyIt = replyIt;
    }

    public String getReplyEn() {
        return replyEn;
    }

    public void setReplyEn(String replyEn) {
        this.replyEn = replyEn;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public List<ConditionRow> getConditions() {
        return conditions;
    }

    public void setConditions(List<ConditionRow> conditions) {
        this.conditions = conditions;
    }

    public List<ActionRow> getActions() {
        return actions;
    }

    public void setActions(List<ActionRow> actions) {
        this.actions = actions;
    }
}
