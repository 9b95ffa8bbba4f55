package dev.metastudio.emulator.edge;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The gateway's 12 MB limit on request bodies (reference 3.2 for AK/SK; applied here to every API body whatever the
 * authentication, so no path reads an unbounded body into memory). Object uploads are not API bodies: they stream to
 * the store and are bounded by the size their file declared.
 */
public final class BodyLimit {
    public static final int MAX_BYTES = 12 * 1024 * 1024;
    public static final String TOO_LARGE_MESSAGE = "Request entity too large: API requests carry at most 12 MB";

    private BodyLimit() {
    }

    /** Thrown by a limited body once more than {@link #MAX_BYTES} arrived. */
    public static final class TooLargeException extends IOException {
        public TooLargeException() {
            super(TOO_LARGE_MESSAGE);
        }
    }

    /** Whether a failure (or one of its causes) is a body over the limit. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TooLargeException) {
                return true;
            }
        }
        return false;
    }

    /** The request with a body that fails with {@link TooLargeException} past the limit instead of reading on. */
    static HttpServletRequest limited(HttpServletRequest request) {
        return new HttpServletRequestWrapper(request) {
            private ServletInputStream stream;

            @Override
            public ServletInputStream getInputStream() throws IOException {
                if (stream == null) {
                    stream = new Counting(super.getInputStream());
                }
                return stream;
            }

            @Override
            public BufferedReader getReader() throws IOException {
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
                return new BufferedReader(new InputStreamReader(getInputStream(), charset));
            }
        };
    }

    private static final class Counting extends ServletInputStream {
        private final ServletInputStream in;
        private long count;

        Counting(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, (int) Math.min(length, MAX_BYTES + 1L - count));
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(int n) throws TooLargeException {
            count += n;
            if (count > MAX_BYTES) {
                throw new TooLargeException();
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
    }
}
