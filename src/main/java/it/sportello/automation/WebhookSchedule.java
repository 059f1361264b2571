package it.sportello.automation;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Delivers webhook calls: a POST of the JSON with {@code X-Sportello-Signature: sha256=<hex>} (the
 * HMAC-SHA256 of the body with the webhook's secret) and {@code X-Sportello-Delivery} (the same on
 * every attempt, so a receiver can drop a repeat). Anything but a 2xx answer is a failure, tried
 * again with exponential back-off up to {@code sportello.automation.webhooks.max-attempts}.
 * Redirects are not followed: the signed call goes where the supervisor said, or nowhere.
 */
@Configuration(proxyBeanMethods = false)
class WebhookSchedule {

    private static final Logger log = LoggerFactory.getLogger(WebhookSchedule.class);

    static final String SIGNATURE = "X-Sportello-Signature";
    static final String DELIVERY = "X-Sportello-Delivery";

    @Bean
    OneTimeTask<WebhookCall> automationWebhookTask(
            @Value("${sportello.automation.webhooks.max-attempts:6}") int maxAttempts,
            @Value("${sportello.automation.webhooks.first-retry:30s}") Duration firstRetry,
            @Value("${sportello.automation.webhooks.timeout:10s}") Duration timeout) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return Tasks.oneTime("automation-webhook", WebhookCall.class)
                .onFailure(FailureHandler.<WebhookCall>maxRetries(Math.max(0, maxAttempts - 1))
                        .withBackoff(firstRetry, 2.0)
                        .thenRemove(execution -> log.warn(
                                "Webhook delivery {} gave up after {} attempts",
                                execution.getExecution().taskInstance.getId(),
                                maxAttempts)))
                .execute((instance, context) -> deliver(http, instance.getData(), timeout));
    }

    static void deliver(HttpClient http, WebhookCall call, Duration timeout) {
        if (!Action.isWebAddress(call.url())) {
            log.warn("Webhook delivery {} dropped: {} is not an http(s) address", call.deliveryId(), call.url());
            return;
        }
        byte[] body = call.body().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(call.url().trim()))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Sportello-Webhooks/1")
                .header(SIGNATURE, "sha256=" + sign(call.secret(), body))
                .header(DELIVERY, call.deliveryId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException("Webhook " + call.url() + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling webhook " + call.url(), e);
        }
        if (status < 200 || status >= 300) {
            throw new IllegalStateException("Webhook " + call.url() + " answered " + status);
        }
        log.info("Webhook delivery {} to {} answered {}", call.deliveryId(), call.url(), status);
    }

    /** The hex HMAC-SHA256 of {@code body} with {@code secret}: what a receiver computes to trust the call. */
    static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
