package it.sportello.shared.web;

import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Recognises an upload over the multipart limits, wherever its fields were first read: as Spring's
 * {@link MaxUploadSizeExceededException}, or as the servlet container's own size exception
 * (Tomcat's {@code FileSizeLimitExceededException}, often inside an {@code InvalidParameterException}
 * or an {@code IllegalStateException}), matched by name to stay independent of the container.
 */
public final class OversizedUploads {

    private OversizedUploads() {}

    public static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MaxUploadSizeExceededException
                    || cause.getClass().getSimpleName().endsWith("SizeLimitExceededException")) {
                return true;
            }
        }
        return false;
    }
}
