package dev.metastudio.emulator.control.journal;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** The request with its body observed as whoever comes after reads it; nothing is read ahead. */
final class TappedRequest extends HttpServletRequestWrapper {
    private final BodyTap tap = new BodyTap();
    private ServletInputStream stream;
    private BufferedReader reader;

    TappedRequest(HttpServletRequest request) {
        super(request);
        tap.decide(request.getContentType());
    }

    BodyTap tap() {
        return tap;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (stream == null) {
            stream = new Tapped(super.getInputStream(), tap);
        }
        return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
        if (reader == null) {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
        return reader;
    }

    private static final class Tapped extends ServletInputStream {
        private final ServletInputStream in;
        private final BodyTap tap;

        Tapped(ServletInputStream in, BodyTap tap) {
            this.in = in;
            this.tap = tap;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                tap.write(b);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            tap.write(b, off, n);
            return n;
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

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
