package dev.metastudio.emulator.edge;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Replaces the container's HTML error pages: whatever fails outside MVC still answers in the envelope. */
@RestController
public class EnvelopeErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ErrorEnvelope> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        return ApiExceptionHandler.envelope(ContainerErrors.answered(status),
                ContainerErrors.envelope(status, RequestIds.current()));
    }
}
