package it.sportello.channel.chat;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;

/**
 * STOMP over WebSocket at {@code /ws/chat}: messages to the desk under {@code /app}, subscriptions
 * under {@code /topic}, either on this node's broker or relayed through RabbitMQ (see
 * {@link ChatProperties}). Only the desk's own origin (and those configured) may open a socket.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketMessageBroker
@EnableConfigurationProperties(ChatProperties.class)
class ChatWebSocketConfiguration implements WebSocketMessageBrokerConfigurer, DisposableBean {

    static final String ENDPOINT = "/ws/chat";

    private final ChatProperties properties;
    private final StompGatekeeper gatekeeper;
    // Not a bean: one named TaskScheduler would become the application's scheduler for everything.
    private final ThreadPoolTaskScheduler heartbeats = new ThreadPoolTaskScheduler();

    ChatWebSocketConfiguration(ChatProperties properties, StompGatekeeper gatekeeper) {
        this.properties = properties;
        this.gatekeeper = gatekeeper;
        heartbeats.setPoolSize(1);
        heartbeats.setThreadNamePrefix("chat-heartbeat-");
        heartbeats.setDaemon(true);
        heartbeats.initialize();
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        // No setPreserveReceiveOrder: with it, a frame the gatekeeper refuses is only logged, and
        // the client never hears why. The clients send one message at a time instead (the next
        // after the previous one's line came back), and the chat's row lock numbers lines in turn.
        var endpoint = registry.addEndpoint(ENDPOINT);
        if (!properties.allowedOrigins().isEmpty()) {
            endpoint.setAllowedOriginPatterns(properties.allowedOrigins().toArray(String[]::new));
        }
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        registry.setApplicationDestinationPrefixes("/app");
        // Lines of one chat reach its subscribers in the order the desk sent them.
        registry.setPreservePublishOrder(true);
        ChatProperties.Relay relay = properties.relay();
        if (relay.configured()) {
            registry.enableStompBrokerRelay("/topic")
                    .setRelayHost(relay.host())
                    .setRelayPort(relay.port())
                    .setClientLogin(relay.login())
                    .setClientPasscode(relay.passcode())
                    .setSystemLogin(relay.login())
                    .setSystemPasscode(relay.passcode())
                    .setVirtualHost(relay.virtualHost());
        } else {
            registry.enableSimpleBroker("/topic")
                    .setHeartbeatValue(new long[] {10_000, 10_000})
                    .setTaskScheduler(heartbeats);
        }
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(gatekeeper);
    }

    @Override
    public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
        registration
                .setMessageSizeLimit(16 * 1024)
                .setSendBufferSizeLimit(512 * 1024)
                .setSendTimeLimit(10_000);
    }

    @Override
    public void destroy() {
        heartbeats.shutdown();
    }
}
