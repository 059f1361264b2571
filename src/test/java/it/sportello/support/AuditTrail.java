package it.sportello.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reads the audit log through the API, as an admin would, to check that an action left its line. */
public final class AuditTrail {

    private final Api api;

    public AuditTrail(Api api) {
        this.api = api;
    }

    /** Every entry with this action since {@code since}, newest first, across all pages. */
    public List<JsonNode> entries(String action, Instant since) {
        List<JsonNode> entries = new ArrayList<>();
        for (int page = 0; ; page++) {
            Api.Reply reply = api.get(
                    "/api/v1/audit?action=" + URLEncoder.encode(action, StandardCharsets.UTF_8) + "&since=" + since
                            + "&size=100&page=" + page,
                    Desk.ADMIN);
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            reply.json().get("items").forEach(entries::add);
            if ((long) (page + 1) * 100 >= reply.json().get("total").asLong()) {
                return entries;
            }
        }
    }
}
