package it.sportello.identity.internal;

import it.sportello.identity.ApiTokens;
import it.sportello.identity.CurrentUser;
import it.sportello.identity.UserManagement;
import it.sportello.shared.web.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.util.unit.DataSize;

/**
 * Two doors. The API ({@code /api}, {@code /actuator}) is stateless: bearer tokens, problem+json
 * for 401 and 403, no cookies and so no CSRF to worry about. Pages use a session with form login,
 * CSRF protection and sign-in throttling. Roles nest: admin ⊃ supervisor ⊃ agent.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        // Delegating: hashes carry their algorithm, so the default can be raised without a migration.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role("ADMIN")
                .implies("SUPERVISOR")
                .role("SUPERVISOR")
                .implies("AGENT")
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ApiTokens tokens, LoginThrottle throttle, ProblemWriter problems)
            throws Exception {
        http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/api/docs", "/api/docs/**", "/api/openapi", "/api/openapi/**", "/api/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        // The help center's search, for anyone: it finds only published public content
                        // unless the caller is staff.
                        .requestMatchers(HttpMethod.GET, "/api/v1/knowledge/search")
                        .permitAll()
                        // "Was this helpful?" from anyone, on published public content only (limited per address)
                        .requestMatchers(HttpMethod.POST, "/api/v1/knowledge/feedback")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .addFilterBefore(
                        new ApiTokenAuthenticationFilter(tokens, throttle, problems), BasicAuthenticationFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) -> problems.write(
                                response,
                                HttpStatus.UNAUTHORIZED,
                                "Sign in first: send Authorization: Bearer <API token>"))
                        .accessDeniedHandler((request, response, e) ->
                                problems.write(response, HttpStatus.FORBIDDEN, "Your role does not allow this")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webChain(
            HttpSecurity http,
            LoginThrottle throttle,
            UserManagement users,
            IdentityProperties properties,
            @Value("${spring.servlet.multipart.max-file-size:20MB}") DataSize maxUpload)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(PUBLIC_PAGES)
                        .permitAll()
                        .requestMatchers("/portal", "/portal/**")
                        .hasRole("CUSTOMER")
                        // Supervisors shape the service: the service levels (calendars, SLA policies), how work
                        // is routed, the automations; the rest of the admin area is for admins.
                        .requestMatchers(
                                "/admin/sla",
                                "/admin/sla/**",
                                "/admin/routing",
                                "/admin/routing/**",
                                "/admin/automations",
                                "/admin/automations/**")
                        .hasRole("SUPERVISOR")
                        .requestMatchers("/admin/**")
                        .hasRole("ADMIN")
                        .requestMatchers(
                                "/inbox",
                                "/inbox/**",
                                "/tickets/**",
                                "/knowledge",
                                "/knowledge/**",
                                "/chats",
                                "/chats/**",
                                "/queues",
                                "/queues/**")
                        .hasRole("AGENT")
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .usernameParameter("username")
                        .passwordParameter("password")
                        .defaultSuccessUrl("/", false)
                        .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                                + (isPortal(request) ? "/portal/login?error" : "/login?error")))
                        .permitAll())
                // Customers who reach a portal page signed out sign in on the portal's own page.
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint("/portal/login"),
                                PathPatternRequestMatcher.pathPattern("/portal/**"))
                        .accessDeniedHandler(new OversizedUploadDenial(maxUpload)))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler((request, response, auth) -> {
                    boolean customer =
                            auth != null && auth.getPrincipal() instanceof CurrentUser user && user.isCustomer();
                    response.sendRedirect(
                            request.getContextPath() + (customer ? "/portal/login?logout" : "/login?logout"));
                }))
                .addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new SessionAccountCheck(users, properties), AuthorizationFilter.class)
                .headers(
                        headers -> headers.contentSecurityPolicy(
                                csp -> csp.policyDirectives(
                                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'self'; form-action 'self'")));
        return http.build();
    }

    /** Pages anyone may open: sign-in, the portal's sign-up and magic links, the contact form, assets. */
    static final String[] PUBLIC_PAGES = {
        "/login",
        "/login/**",
        "/portal/login",
        "/portal/login/throttled",
        "/portal/signup",
        "/portal/magic-link",
        "/portal/magic-link/**",
        "/contact",
        "/contact/**",
        "/help",
        "/help/**",
        "/error",
        "/css/**",
        "/js/**",
        "/images/**",
        "/webjars/**",
        "/favicon.ico"
    };

    /** The portal's sign-in form marks itself, so a failed attempt returns the customer there. */
    private static boolean isPortal(HttpServletRequest request) {
        return request.getParameter("portal") != null;
    }
}
