package dev.metastudio.emulator.asset;

/** The asset and file APIs' own error codes (reference 11.2, MSS.1000xxxx). */
public final class AssetCodes {
    public static final String FILE_NOT_FOUND = "MSS.10001004";
    public static final String MAIN_EXISTS = "MSS.10001008";
    public static final String COVER_EXISTS = "MSS.10001009";
    /** The asset is not in a state that allows the operation (recycle bin, not ACTIVED/UNACTIVED...). */
    public static final String ASSET_UNAVAILABLE = "MSS.10001010";
    /** L16660: "Only assets in the ACTIVED or UNACTIVED status can be updated" (the asset's current state). */
    public static final String INVALID_CHANGE = "MSS.10001013";
    /** L16661: "Asset status can only be changed to ACTIVED or UNACTIVED" (the requested target). */
    public static final String INCORRECT_TARGET = "MSS.10001014";
    public static final String NOT_IN_STORE = "MSS.10001016";
    public static final String TOO_LARGE = "MSS.10001024";
    public static final String TOO_MANY_FILES = "MSS.10001033";
    public static final String INVALID_FORMAT = "MSS.10001034";
    /** L16694: "{0} files are not supported." (a file category the asset type does not have). */
    public static final String UNSUPPORTED_CATEGORY = "MSS.10001048";

    private AssetCodes() {
    }
}
