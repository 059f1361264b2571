package it.sportello.channel.chat.web;

import it.sportello.channel.chat.ChatProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The visitor's side of the chat: open to anyone, proven per chat by its token (in a header, or in
 * the STOMP CONNECT frame), so there is no cookie to forge a request with and no CSRF token to carry
 * into another site's page. The chat page may be framed by the sites configured
 * ({@code sportello.chat.frame-ancestors}). A signed-in agent's session still reaches the socket,
 * where it is their identity.
 */
@Configuration(proxyBeanMethods = false)
class ChatSecurityConfiguration {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 50)
    SecurityFilterChain chatVisitorChain(HttpSecurity http, ChatProperties properties) throws Exception {
        String ancestors = String.join(" ", properties.frameAncestors());
        http.securityMatcher("/chat", "/chat/**", "/ws/chat", "/ws/chat/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .csrf(csrf -> csrf.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.disable())
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:;"
                                + " style-src 'self' 'unsafe-inline'; connect-src 'self'; form-action 'self';"
                                + " frame-ancestors " + ancestors)));
        return http.build();
    }
}
