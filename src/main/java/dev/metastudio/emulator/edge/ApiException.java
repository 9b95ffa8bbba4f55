package dev.metastudio.emulator.edge;

/**
 * A failure the caller caused or must see, carried to the edge and rendered as the documented
 * {@code {"error_code","error_msg"}} envelope with its HTTP status.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String code;

    public ApiException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** 400 MSS.00000003, the reference's generic "Invalid parameter", with a message naming the field. */
    public static ApiException invalid(String field, String problem) {
        return new ApiException(400, ErrorCodes.INVALID_PARAMETER, "Invalid parameter: " + field + " " + problem);
    }

    /** 404 MSS.00000002, the reference's "Not Found", for an id the caller cannot see. */
    public static ApiException notFound(String what, String id) {
        return new ApiException(404, ErrorCodes.NOT_FOUND, "Not Found: " + what + " " + id + " does not exist");
    }
}
