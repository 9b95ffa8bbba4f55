package dev.metastudio.emulator.live.product;

import java.util.List;

/** Products (reference 6.3): request bodies, the stored document and the answers. */
public final class ProductModel {
    private ProductModel() {
    }

    public enum State { ACTIVED, UNACTIVED, BLOCK, DELETED }

    public enum MediaType { IMAGE, VIDEO, AUDIO }

    public enum Action { LINK, UNLINK }

    /** 6.3.1 CreateProductRequestBody; auto_active default true. */
    public record CreateBody(String name, String description, List<String> tags, CoverInfo cover,
                             List<TextInfo> textList, List<MediaInfo> assetList, Boolean autoActive) {
    }

    /** 6.3.3 UpdateProductRequestBody: the same without auto_active, plus state ACTIVED/UNACTIVED. */
    public record UpdateBody(String name, String description, List<String> tags, CoverInfo cover,
                             List<TextInfo> textList, List<MediaInfo> assetList, State state) {
    }

    /** 6.3.6 ProductAssetReleation (sic, the SDK's class name). */
    public record AssetRelation(MediaInfo assetItem, TextInfo textItem, Action action) {
    }

    public record CoverInfo(String assetId) {
    }

    public record TextInfo(String title, String text) {
    }

    /** order 0-300, default 0: 0 keeps the order of addition, others sort first by their number. */
    public record MediaInfo(String assetId, MediaType assetType, Integer order) {
    }

    /** What a product stores besides its columns. */
    public record Content(CoverInfo cover, List<TextInfo> textList, List<MediaInfo> assetList) {
    }

    public record Created(String productId) {
    }

    public record CoverDetail(String assetId, String coverUrl, String thumbnailUrl) {
    }

    public record MediaDetail(String assetId, MediaType assetType, Integer order, String assetName, String assetState,
                              String coverUrl, String thumbnailUrl, String mainUrl) {
    }

    /** ProductDetailInfo (Table 6-372), also the 6.3.4 answer at the top level. */
    public record Detail(String productId, String name, String description, List<String> tags, CoverDetail cover,
                         List<TextInfo> textList, List<MediaDetail> assetList, String createTime, String updateTime,
                         State state) {
    }

    public record ProductList(int count, List<Detail> products) {
    }
}
