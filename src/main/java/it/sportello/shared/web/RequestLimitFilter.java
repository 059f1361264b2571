package it.sportello.shared.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies {@link RequestLimits} in front of everything else, security included. Counts live in
 * memory per node; behind a load balancer each node grants its own allowance.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestLimitFilter extends OncePerRequestFilter {

    private final RequestLimits limits;
    private final ProblemWriter problems;
    private final Cache<String, Bucket> anonymousBuckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000)
            .build();

    RequestLimitFilter(RequestLimits limits, ProblemWriter problems) {
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isAnonymous(request)) {
            ConsumptionProbe probe = anonymousBuckets
                    .get(request.getRemoteAddr(), address -> limits.newAnonymousBucket())
                    .tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                response.setHeader(
                        HttpHeaders.RETRY_AFTER,
                        String.valueOf(
                                Math.max(1, RequestLimits.retryAfter(probe).toSeconds())));
                problems.write(
                        response, HttpStatus.TOO_MANY_REQUESTS, "Too many requests from this address; slow down");
                return;
            }
        }
        long max = isCsv(request)
                ? limits.maxCsvSize().toBytes()
                : limits.maxBodySize().toBytes();
        if (isMultipart(request) || isRawMail(request)) {
            // multipart has its own limits (spring.servlet.multipart.*); raw mail streams to disk
            // under sportello.email.max-message-size, checked by the e-mail intake as it reads
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > max) {
            problems.write(
                    response, HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than " + (max / 1024) + " kB");
            return;
        }
        chain.doFilter(new LimitedBodyRequest(request, max), response);
    }

    private static boolean isAnonymous(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.AUTHORIZATION) == null && request.getSession(false) == null;
    }

    private static boolean isRawMail(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase().startsWith("message/rfc822");
    }

    private static boolean isCsv(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase().startsWith("text/csv");
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
    }

    /** A body sent without a length (chunked) is counted as it is read and cut off at the limit. */
    private static final class LimitedBodyRequest extends HttpServletRequestWrapper {

        private final long max;

        LimitedBodyRequest(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0) {
                        count(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    if (n > 0) {
                        count(n);
                    }
                    return n;
                }

                private void count(int n) {
                    read += n;
                    if (read > max) {
                        throw new it.sportello.shared.PayloadTooLargeException(
                                "The request body is larger than allowed");
                    }
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
