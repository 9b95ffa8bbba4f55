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
        ErrorEnvelope body = switch (status) {
            case 404, 405 -> new ErrorEnvelope(ErrorCodes.GW_API_NOT_FOUND,
                    "The API does not exist or has not been published in the environment", RequestIds.current());
            case 413 -> new ErrorEnvelope(ErrorCodes.GW_REQUEST_ERROR, "Request entity too large", RequestIds.current());
            case 401 -> new ErrorEnvelope(ErrorCodes.GW_AUTH_FAILED, "Incorrect IAM authentication information",
                    RequestIds.current());
            default -> status >= 500
                    ? ErrorEnvelope.of(ErrorCodes.INTERNAL_ERROR, "Internal Error")
                    : ErrorEnvelope.of(ErrorCodes.INVALID_PARAMETER, "Invalid parameter: malformed request");
        };
        int answered = status == 405 ? 404 : status;
        return ApiExceptionHandler.envelope(answered, body);
    }
}
