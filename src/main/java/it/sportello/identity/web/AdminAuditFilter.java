package it.sportello.identity.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;

/** The audit log's query: part of the actor's e-mail, an action (or its family, "user."), a period of days, a page. */
record AdminAuditFilter(
        String actor,
        String action,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
        Integer page) {

    Map<String, Object> parameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("actor", actor);
        parameters.put("action", action);
        parameters.put("from", from);
        parameters.put("to", to);
        return parameters;
    }
}
