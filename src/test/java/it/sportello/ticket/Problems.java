package it.sportello.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.support.Api;
import java.util.List;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/** Assertions on the API's RFC 9457 answers, shared by the ticket API tests. */
final class Problems {

    private Problems() {}

    /** The reply is a problem+json with this status, a detail, and nothing that looks like a stack trace. */
    static JsonNode assertProblem(Api.Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).as(reply.toString()).startsWith("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.hasNonNull("detail")).as(reply.toString()).isTrue();
        assertThat(reply.body())
                .as("no internals leak")
                .doesNotContain("Exception", "\tat ", "it.sportello.", "org.springframework", "tools.jackson", "trace");
        return problem;
    }

    /** A 400 problem naming {@code field} among its failing fields. */
    static JsonNode assertInvalid(Api.Reply reply, String field) {
        JsonNode problem = assertProblem(reply, 400);
        assertThat(fields(problem)).as(reply.toString()).contains(field);
        return problem;
    }

    static List<String> fields(JsonNode problem) {
        JsonNode errors = problem.get("errors");
        if (errors == null || !errors.isArray()) {
            return List.of();
        }
        return StreamSupport.stream(errors.spliterator(), false)
                .map(e -> e.get("field").asString())
                .toList();
    }
}
