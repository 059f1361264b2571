package it.sportello.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.util.unit.DataSize;

/**
 * A form upload larger than the server accepts is never parsed, so its CSRF token is never read
 * and the request looks forged. Say what really happened (413, "too large") instead of a puzzling
 * "not allowed"; every other refusal stays a 403.
 */
class OversizedUploadDenial implements AccessDeniedHandler {

    private final long maxFileBytes;
    private final AccessDeniedHandler otherwise = new AccessDeniedHandlerImpl();

    OversizedUploadDenial(DataSize maxFile) {
        this.maxFileBytes = maxFile.toBytes();
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, jakarta.servlet.ServletException {
        if (denied instanceof CsrfException && isOversizedUpload(request)) {
            response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
            return;
        }
        otherwise.handle(request, response, denied);
    }

    private boolean isOversizedUpload(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null
                && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")
                && request.getContentLengthLong() > maxFileBytes;
    }
}
