package dev.metastudio.emulator.control.journal;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/** The response with its body observed as it is written (the bytes still go straight to the client). */
final class TappedResponse extends HttpServletResponseWrapper {
    private final BodyTap tap = new BodyTap();
    private ServletOutputStream stream;
    private PrintWriter writer;

    TappedResponse(HttpServletResponse response) {
        super(response);
    }

    BodyTap tap() {
        return tap;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (stream == null) {
            stream = new Tapped(super.getOutputStream());
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), Charset.forName(getCharacterEncoding())));
        }
        return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
        if (writer != null) {
            writer.flush();
        }
        super.flushBuffer();
    }

    @Override
    public void resetBuffer() {
        super.resetBuffer();
        tap.reset();
    }

    @Override
    public void reset() {
        super.reset();
        tap.reset();
    }

    /** Flushes a writer the application left unflushed, so its last characters reach the client and the tap. */
    void finish() {
        if (writer != null) {
            writer.flush();
        }
    }

    private final class Tapped extends ServletOutputStream {
        private final ServletOutputStream out;

        Tapped(ServletOutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            tap.decide(getContentType());
            out.write(b);
            tap.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            tap.decide(getContentType());
            out.write(b, off, len);
            tap.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }

        @Override
        public boolean isReady() {
            return out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            out.setWriteListener(listener);
        }
    }
}
