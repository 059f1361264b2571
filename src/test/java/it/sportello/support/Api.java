package it.sportello.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for the API under test: real requests over the wire, through every filter,
 * as an integrator would send them. Each call names its bearer token (null for none).
 */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public Api(int port) {
        this.base = "http://localhost:" + port;
    }

    public String base() {
        return base;
    }

    /** An answer: status, headers, raw body and (when JSON) the parsed body. */
    public record Reply(int status, HttpResponse<String> raw) {

        public JsonNode json() {
            String body = raw.body();
            return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        public String body() {
            return raw.body();
        }

        @Override
        public String toString() {
            return status + " " + raw.body();
        }
    }

    public Reply get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    public Reply delete(String path, String token) {
        return send(request(path, token).DELETE().build());
    }

    public Reply post(String path, String token, Object body) {
        return sendJson("POST", path, token, body);
    }

    public Reply patch(String path, String token, Object body) {
        return sendJson("PATCH", path, token, body);
    }

    /** Sends {@code body} as is (a string is sent raw, so malformed JSON can be sent too). */
    public Reply sendJson(String method, String path, String token, Object body) {
        return sendRaw(
                method,
                path,
                token,
                "application/json",
                body instanceof String s ? s : JSON.writeValueAsString(body),
                Map.of());
    }

    public Reply sendRaw(
            String method, String path, String token, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder builder =
                request(path, token).method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        headers.forEach(builder::setHeader);
        return send(builder.build());
    }

    /** A request whose body is these exact bytes (for bodies that are not valid text, on purpose). */
    public Reply sendBytes(String method, String path, String token, String contentType, byte[] body) {
        return send(request(path, token)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", contentType)
                .build());
    }

    /** A multipart/form-data request: a JSON part named {@code jsonPart} and files as {@code attachments}. */
    public Reply multipart(String path, String token, String jsonPart, Object json, Map<String, FilePart> files) {
        String boundary = "----sportello" + UUID.randomUUID();
        var out = new java.io.ByteArrayOutputStream();
        try {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + jsonPart + "\"\r\n"
                            + "Content-Type: application/json\r\n\r\n" + JSON.writeValueAsString(json) + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            for (FilePart file : files.values()) {
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\""
                                + file.name() + "\"\r\n" + "Content-Type: " + file.contentType() + "\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.write(file.bytes());
                out.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return send(request(path, token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
                .build());
    }

    public record FilePart(String name, String contentType, byte[] bytes) {}

    public HttpResponse<byte[]> download(String path, String token) {
        try {
            return http.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response =
                    http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Builds a JSON object from alternating keys and values: {@code Api.object("subject", "x", "priority", "high")}. */
    public static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
