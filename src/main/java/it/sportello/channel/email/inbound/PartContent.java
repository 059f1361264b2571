package it.sportello.channel.email.inbound;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.core.io.InputStreamSource;

/**
 * The content of a mail part that remembers whether reading it failed (a part that cannot be
 * decoded), so that a failure while storing it can be told apart from one of the store itself.
 */
final class PartContent implements InputStreamSource {

    private final InputStreamSource part;
    private volatile boolean failed;

    PartContent(InputStreamSource part) {
        this.part = part;
    }

    /** Whether opening or reading the part has failed. */
    boolean failed() {
        return failed;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        try {
            return new Watched(part.getInputStream());
        } catch (IOException | RuntimeException e) {
            failed = true;
            throw e;
        }
    }

    private final class Watched extends FilterInputStream {

        Watched(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException | RuntimeException e) {
                failed = true;
                throw e;
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return super.read(buffer, offset, length);
            } catch (IOException | RuntimeException e) {
                failed = true;
                throw e;
            }
        }
    }
}
