package it.sportello.channel.chat;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Transport settings of the chat. With {@code relay.host} set, STOMP subscriptions go through
 * RabbitMQ's STOMP plugin, so visitors and agents on different nodes hear each other; without it,
 * this node's own broker serves (one node). {@code allowedOrigins} are the web origins, besides the
 * desk's own, whose pages may open the chat's WebSocket directly (the widget itself runs in a frame
 * of the desk's origin and needs none); {@code frameAncestors} are the sites that may embed the
 * widget's frame ({@code *}: any). {@code startsPerAddress} is how many chats one client address may
 * start in ten minutes (a load test raises it).
 */
@ConfigurationProperties("sportello.chat")
public record ChatProperties(
        Relay relay, List<String> allowedOrigins, List<String> frameAncestors, int startsPerAddress) {

    public static final int DEFAULT_STARTS_PER_ADDRESS = 20;

    public ChatProperties {
        relay = relay == null ? new Relay(null, 61613, "guest", "guest", "/") : relay;
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        frameAncestors =
                frameAncestors == null || frameAncestors.isEmpty() ? List.of("*") : List.copyOf(frameAncestors);
        startsPerAddress = startsPerAddress <= 0 ? DEFAULT_STARTS_PER_ADDRESS : startsPerAddress;
    }

    public record Relay(String host, int port, String login, String passcode, String virtualHost) {

        public Relay {
            port = port == 0 ? 61613 : port;
            login = login == null ? "guest" : login;
            passcode = passcode == null ? "guest" : passcode;
            virtualHost = virtualHost == null ? "/" : virtualHost;
        }

        public boolean configured() {
            return host != null && !host.isBlank();
        }
    }
}
