package dev.metastudio.emulator.imagemodel;

/** Reference 11.2 codes of image-model training (L16738-16755). */
final class ImageModelCodes {
    /** 400: "Incorrect task status." */
    static final String WRONG_STATE = "MSS.41000001";
    /** 400: "Incorrect request (invalid task name)." */
    static final String INVALID_NAME = "MSS.41000002";
    /** 404: "Task not found." */
    static final String NOT_FOUND = "MSS.41000003";
    /** 400: "Too many training tasks." */
    static final String TOO_MANY = "MSS.41000004";
    /** 500: "Invalid training video duration." */
    static final String INVALID_DURATION = "MSS.41000007";
    /** 400: "The task cannot be found or cannot be deleted." */
    static final String CANNOT_DELETE = "MSS.41000018";
    /** 500: "Asset update failed." (the trained model could not be stored as an asset). */
    static final String ASSET_UPDATE_FAILED = "MSS.41000017";
    /** The generic internal error of the §8 examples. */
    static final String INTERNAL = "MSS.00000004";

    private ImageModelCodes() {
    }
}
