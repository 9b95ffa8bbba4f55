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

    // Video production's specific codes (11.2) where a generic MSS.00000003 used to stand (issue 13 item 15). Decision:
    // all are answered with 400. 11.2 lists MSS.20010027, MSS.20010096 and MSS.20010019 under 500, but they refuse a
    // request, and the section tables (5.1.x, 5.3.1) give 400 for "Parameters error, including the error code and its
    // description" and 500 only for "Internal service error"; a bad request is never a 5xx here.
    /** 400, L16862: "Invalid asset ID." (a reference to an asset that does not exist for the caller). */
    public static final String INVALID_ASSET_ID = "MSS.20010140";
    /** 400, L16844: "Invalid URL." (a URL that names no asset of this service). */
    public static final String INVALID_URL = "MSS.20010093";
    /** 11.2: 500, L16924: "The virtual avatar task must contain shoo_scripts." (a job without scenes). */
    public static final String SHOOT_SCRIPTS_REQUIRED = "MSS.20010027";
    /** 11.2: 500, L16972: "The model ID cannot be empty." (a job without model_asset_id). */
    public static final String MODEL_ID_REQUIRED = "MSS.20010096";
    /** 11.2: 500, L16917: "The video name asset_name contains invalid characters." */
    public static final String INVALID_VIDEO_NAME = "MSS.20010019";
    /** 400, L16864: "When the background is an image, background_config cannot be set to null." */
    public static final String BACKGROUND_IMAGE_REQUIRED = "MSS.20010143";
    /** 400, L16854: "Too many text characters in the paragraphs of the script" (one scene's text over its limit). */
    public static final String SCENE_TEXT_TOO_LONG = "MSS.20010109";
    /** 400, L16875: "Too many characters in the script." (the scenes' text together over the limit). */
    public static final String SCRIPT_TEXT_TOO_LONG = "MSS.20010156";
    /** 400, L16874: "Use a correct {ASSET_TYPE} asset." (a referenced asset of another type). */
    public static final String WRONG_ASSET_TYPE = "MSS.20010155";

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
