package dev.metastudio.emulator.edge;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's error reporter, replaced: requests Tomcat refuses before any filter or servlet runs ({@code %00},
 * {@code %2F} and {@code %5C} in the path, a request line or headers over the size limit, a malformed request line)
 * get the documented JSON envelope and an {@code X-Request-Id} instead of Tomcat's HTML page.
 */
public class EnvelopeErrorReportValve extends ErrorReportValve {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String requestId = response.getHeader(RequestIds.HEADER);
        if (requestId == null) {
            requestId = RequestIds.newId();
            response.setHeader(RequestIds.HEADER, requestId);
        }
        try {
            response.setStatus(ContainerErrors.answered(status));
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(ContainerErrors.envelope(status, requestId)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response was committed meanwhile: nothing more can be said.
        }
    }
}
