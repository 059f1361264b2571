package it.sportello.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.sportello.shared.PayloadTooLargeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

class RequestLimitFilterTests {

    private final RequestLimitFilter filter = new RequestLimitFilter(
            new RequestLimits(DataSize.ofBytes(100), DataSize.ofBytes(200), 3, 1),
            new ProblemWriter(JsonMapper.builder().build()));

    @Test
    void anonymousClientsGetTooManyRequestsOnceTheirBucketIsEmpty() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(call(anonymous("10.0.0.1")).getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse refused = call(anonymous("10.0.0.1"));
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getHeader("Retry-After")).isNotNull();
        assertThat(call(anonymous("10.0.0.2")).getStatus())
                .as("another address has its own bucket")
                .isEqualTo(200);
    }

    @Test
    void callsWithATokenAreNotCountedAsAnonymous() throws Exception {
        for (int i = 0; i < 10; i++) {
            MockHttpServletRequest request = anonymous("10.0.0.3");
            request.addHeader("Authorization", "Bearer something");
            assertThat(call(request).getStatus()).isEqualTo(200);
        }
    }

    @Test
    void refusesADeclaredBodyOverTheLimitBeforeReadingIt() throws Exception {
        MockHttpServletRequest request = withToken();
        request.setContent(new byte[101]);
        MockHttpServletResponse response = call(request);
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentAsString()).contains("larger than");
    }

    @Test
    void cutsOffAnUndeclaredBodyOnceItPassesTheLimit() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/tickets") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        request.addHeader("Authorization", "Bearer something");
        request.setContent("x".repeat(150).getBytes(StandardCharsets.UTF_8));
        MockFilterChain chain = new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res)
                    throws IOException {
                req.getInputStream().readAllBytes();
            }
        };
        assertThatThrownBy(() -> filter.doFilter(request, new MockHttpServletResponse(), chain))
                .isInstanceOf(PayloadTooLargeException.class);
    }

    private MockHttpServletResponse call(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    private static MockHttpServletRequest anonymous(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/login");
        request.setRemoteAddr(address);
        return request;
    }

    private static MockHttpServletRequest withToken() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/tickets");
        request.addHeader("Authorization", "Bearer something");
        request.setContentType("application/json");
        return request;
    }
}
