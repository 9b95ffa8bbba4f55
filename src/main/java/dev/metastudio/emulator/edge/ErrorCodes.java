package dev.metastudio.emulator.edge;

/** Error codes used across features; MSS.* from the reference's examples and table 11-2, APIGW.* from API Gateway. */
public final class ErrorCodes {
    public static final String NOT_FOUND = "MSS.00000002";
    public static final String INVALID_PARAMETER = "MSS.00000003";
    public static final String INTERNAL_ERROR = "MSS.00000004";
    /** 403: the project id of the credential or token differs from the one in the path. */
    public static final String PROJECT_MISMATCH = "MSS.00020006";
    /** Insufficient permissions: a system or shared resource the caller may read but not change. */
    public static final String READ_ONLY = "MSS.00023001";
    /** The timbre (voice asset) is unknown, not ACTIVED or not usable by this project; TTS and video alike. */
    public static final String TIMBRE_UNAVAILABLE = "MSS.20010131";

    /** API Gateway: the method and path match no API. */
    public static final String GW_API_NOT_FOUND = "APIGW.0101";
    /** API Gateway: request entity too large (413). */
    public static final String GW_REQUEST_ERROR = "APIGW.0201";
    /** API Gateway: incorrect IAM authentication information (401). */
    public static final String GW_AUTH_FAILED = "APIGW.0301";
    /** API Gateway: throttling threshold reached (429). */
    public static final String GW_THROTTLED = "APIGW.0308";

    private ErrorCodes() {
    }
}
