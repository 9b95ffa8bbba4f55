package dev.metastudio.emulator.live.product;

/** The reference's codes (11.2, all 400) for products. */
public final class ProductCodes {
    /** L16680: "The product material list does not contain related thumbnail assets." (cover not among the images). */
    public static final String NO_THUMBNAIL_ASSET = "MSS.10001036";
    /** L16681: "The product material list contains unavailable assets." (unknown or not visible to the project). */
    public static final String UNAVAILABLE_ASSET = "MSS.10001037";
    /** L16682: "The product material list contains unmatched assets." (asset_type not the asset's type). */
    public static final String UNMATCHED_ASSET = "MSS.10001038";
    /** L16683: "The product material list contains duplicate asset." */
    public static final String DUPLICATE_ASSET = "MSS.10001039";
    /** L16684: "The associated asset added to the product material list is unavailable." (not ACTIVED). */
    public static final String ASSET_NOT_ACTIVE = "MSS.10001040";
    /** L16687: "Product not found." */
    public static final String PRODUCT_NOT_FOUND = "MSS.10001041";
    /** L16688: "Too many product materials." */
    public static final String TOO_MANY_ASSETS = "MSS.10001042";

    private ProductCodes() {
    }
}
