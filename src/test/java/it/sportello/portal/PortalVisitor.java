package it.sportello.portal;

import static it.sportello.support.Browser.form;

import it.sportello.support.Api;
import it.sportello.support.Browser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A customer in a screenless browser on the portal: signs up and in through the portal's own
 * forms, and sends multipart forms (new requests and replies with files) with the browser's
 * session and the CSRF token of the page the form is on, as a real browser would.
 */
final class PortalVisitor {

    final Browser browser;
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    PortalVisitor(int port) {
        this.browser = new Browser(port);
    }

    HttpResponse<String> get(String path) {
        return browser.get(path);
    }

    HttpResponse<String> signIn(String email, String password) {
        String token = Browser.csrfToken(browser.get("/portal/login").body());
        return browser.post("/login", form("portal", "1", "username", email, "password", password, "_csrf", token));
    }

    HttpResponse<String> signUp(String name, String email, String password, String language) {
        String token = Browser.csrfToken(browser.get("/portal/signup").body());
        return browser.post(
                "/portal/signup",
                form("name", name, "email", email, "password", password, "language", language, "_csrf", token));
    }

    /** Submits a urlencoded form found on {@code page}. */
    HttpResponse<String> submit(String page, String action, Map<String, String> fields) {
        Map<String, String> withToken = new java.util.LinkedHashMap<>(fields);
        withToken.put("_csrf", Browser.csrfToken(browser.get(page).body()));
        return browser.post(action, withToken);
    }

    /** Submits a multipart form found on {@code page}, with files as the {@code attachments} field. */
    HttpResponse<String> submitMultipart(
            String page, String action, Map<String, String> fields, List<Api.FilePart> files) {
        return submitMultipart(page, action, fields, files, false);
    }

    /**
     * As above; {@code tokenLast} puts the CSRF token after the files, where a browser sends it
     * (Thymeleaf adds it at the end of the form).
     */
    HttpResponse<String> submitMultipart(
            String page, String action, Map<String, String> fields, List<Api.FilePart> files, boolean tokenLast) {
        String token = Browser.csrfToken(browser.get(page).body());
        String boundary = "----portal" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (Map.Entry<String, String> field : fields.entrySet()) {
                part(out, boundary, field.getKey(), field.getValue());
            }
            if (!tokenLast) {
                part(out, boundary, "_csrf", token);
            }
            for (Api.FilePart file : files) {
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\""
                                + file.name() + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.write(file.bytes());
                out.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            if (tokenLast) {
                part(out, boundary, "_csrf", token);
            }
            out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(browser.base() + action))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "text/html")
                .header("Cookie", cookies())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
                .build();
        return send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A download with the browser's session, as bytes. */
    HttpResponse<byte[]> download(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(browser.base() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "text/html,*/*")
                .header("Cookie", cookies())
                .GET()
                .build();
        return send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private String cookies() {
        StringBuilder header = new StringBuilder();
        browser.cookie("JSESSIONID").ifPresent(v -> header.append("JSESSIONID=").append(v));
        browser.cookie("sportello-lang")
                .ifPresent(v -> header.append("; sportello-lang=").append(v));
        return header.toString();
    }

    private static void part(ByteArrayOutputStream out, String boundary, String name, String value) throws IOException {
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n"
                        + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + value + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
