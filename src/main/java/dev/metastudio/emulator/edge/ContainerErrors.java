package dev.metastudio.emulator.edge;

/**
 * The envelope for an error status that no controller chose: the servlet container's own refusals (a malformed
 * request line, an unmapped path, an oversized header) and the error dispatch of a {@code sendError}.
 */
final class ContainerErrors {
    private ContainerErrors() {
    }

    static ErrorEnvelope envelope(int status, String requestId) {
        return switch (status) {
            case 404, 405 -> new ErrorEnvelope(ErrorCodes.GW_API_NOT_FOUND,
                    "The API does not exist or has not been published in the environment", requestId);
            case 413 -> new ErrorEnvelope(ErrorCodes.GW_REQUEST_ERROR, "Request entity too large", requestId);
            case 401 -> new ErrorEnvelope(ErrorCodes.GW_AUTH_FAILED, "Incorrect IAM authentication information",
                    requestId);
            default -> status >= 500
                    ? ErrorEnvelope.of(ErrorCodes.INTERNAL_ERROR, "Internal Error")
                    : ErrorEnvelope.of(ErrorCodes.INVALID_PARAMETER, "Invalid parameter: malformed request (request"
                            + " line, path or headers)");
        };
    }

    /** The gateway answers an unknown method like an unknown path. */
    static int answered(int status) {
        return status == 405 ? 404 : status;
    }
}
