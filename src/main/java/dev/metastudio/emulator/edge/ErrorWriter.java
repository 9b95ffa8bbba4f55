package dev.metastudio.emulator.edge;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Writes the error envelope from servlet filters, which run before Spring MVC's exception handling. */
public final class ErrorWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorWriter() {
    }

    public static void write(HttpServletResponse response, int status, ErrorEnvelope body) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/json");
        byte[] bytes = JSON.writeValueAsBytes(body);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }

    /** An API Gateway error: the body names the request id like the real gateway's does. */
    public static void gateway(HttpServletResponse response, int status, String code, String message)
            throws IOException {
        write(response, status, new ErrorEnvelope(code, message, RequestIds.current()));
    }
}
