package it.sportello.identity.web;

import it.sportello.identity.Role;
import java.util.LinkedHashMap;
import java.util.Map;

/** The user list's query: part of an e-mail or name, a role, a page (from 1). */
record AdminUserFilter(String q, Role role, Integer page) {

    Map<String, Object> parameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("q", q);
        parameters.put("role", role == null ? null : role.code());
        return parameters;
    }
}
