package dev.metastudio.emulator.live.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.huaweicloud.sdk.core.exception.ClientRequestException;
import com.huaweicloud.sdk.metastudio.v1.MetaStudioClient;
import com.huaweicloud.sdk.metastudio.v1.model.CreateDigitalAssetRequestBody;
import com.huaweicloud.sdk.metastudio.v1.model.CreateProductRequest;
import com.huaweicloud.sdk.metastudio.v1.model.CreateProductRequestBody;
import com.huaweicloud.sdk.metastudio.v1.model.DeleteProductRequest;
import com.huaweicloud.sdk.metastudio.v1.model.ListProductsRequest;
import com.huaweicloud.sdk.metastudio.v1.model.ProductAssetReleation;
import com.huaweicloud.sdk.metastudio.v1.model.ProductCoverInfo;
import com.huaweicloud.sdk.metastudio.v1.model.ProductDetailInfo;
import com.huaweicloud.sdk.metastudio.v1.model.ProductMediaDetailInfo;
import com.huaweicloud.sdk.metastudio.v1.model.ProductMediaInfo;
import com.huaweicloud.sdk.metastudio.v1.model.ProductTextInfo;
import com.huaweicloud.sdk.metastudio.v1.model.SetProductAssetRequest;
import com.huaweicloud.sdk.metastudio.v1.model.ShowProductRequest;
import com.huaweicloud.sdk.metastudio.v1.model.ShowProductResponse;
import com.huaweicloud.sdk.metastudio.v1.model.UpdateProductRequest;
import com.huaweicloud.sdk.metastudio.v1.model.UpdateProductRequestBody;
import dev.metastudio.emulator.support.Assets;
import dev.metastudio.emulator.support.ServerTest;
import dev.metastudio.emulator.support.TestMedia;
import dev.metastudio.emulator.support.Videos;
import java.awt.Color;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Products (reference 6.3.1-6.3.6) through the official SDK. */
class ProductContractTest extends ServerTest {
    private MetaStudioClient client;
    private String image;
    private String image2;

    @BeforeEach
    void connect() {
        client = clientA();
        image = Assets.uploaded(client, CreateDigitalAssetRequestBody.AssetTypeEnum.IMAGE, "shoe.png",
                TestMedia.png(40, 40, Color.GREEN));
        image2 = Assets.uploaded(client, CreateDigitalAssetRequestBody.AssetTypeEnum.IMAGE, "box.png",
                TestMedia.png(40, 40, Color.ORANGE));
    }

    private String create(CreateProductRequestBody body) {
        return client.createProduct(new CreateProductRequest().withBody(body)).getProductId();
    }

    private ShowProductResponse show(String id) {
        return client.showProduct(new ShowProductRequest().withProductId(id));
    }

    private static ClientRequestException refused(Runnable call) {
        ClientRequestException e = catchThrowableOfType(ClientRequestException.class, call::run);
        assertThat(e).as("the call is refused").isNotNull();
        return e;
    }

    private static ProductMediaInfo media(String id, ProductMediaInfo.AssetTypeEnum type) {
        return new ProductMediaInfo().withAssetId(id).withAssetType(type);
    }

    @Test
    void createShowUpdateRelateAndDelete() {
        String name = "shoe " + UUID.randomUUID();
        String id = create(new CreateProductRequestBody().withName(name).withDescription("running shoe")
                .withTags(List.of("sport", "shoes")).withCover(new ProductCoverInfo().withAssetId(image2))
                .withTextList(List.of(new ProductTextInfo().withTitle("price").withText("99")))
                .withAssetList(List.of(media(image, ProductMediaInfo.AssetTypeEnum.IMAGE),
                        media(image2, ProductMediaInfo.AssetTypeEnum.IMAGE).withOrder(1))));
        ShowProductResponse shown = show(id);
        assertThat(shown.getProductId()).isEqualTo(id);
        assertThat(shown.getName()).isEqualTo(name);
        assertThat(shown.getDescription()).isEqualTo("running shoe");
        assertThat(shown.getTags()).containsExactly("sport", "shoes");
        assertThat(shown.getState().getValue()).as("auto_active defaults to true").isEqualTo("ACTIVED");
        assertThat(shown.getTextList()).extracting(ProductTextInfo::getText).containsExactly("99");
        assertThat(shown.getAssetList()).extracting(ProductMediaDetailInfo::getAssetId)
                .as("order 1 first, then order 0 as added").containsExactly(image2, image);
        ProductMediaDetailInfo top = shown.getAssetList().get(0);
        assertThat(top.getAssetName()).startsWith("fixture box.png");
        assertThat(top.getAssetState()).isEqualTo("ACTIVED");
        assertThat(top.getMainUrl()).isNotBlank();
        assertThat(Assets.download(top.getMainUrl())).isEqualTo(TestMedia.png(40, 40, Color.ORANGE));
        assertThat(shown.getCover().getAssetId()).isEqualTo(image2);
        assertThat(shown.getCover().getCoverUrl()).isNotBlank();
        assertThat(shown.getCreateTime()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(shown.getXRequestId()).isNotBlank();

        client.updateProduct(new UpdateProductRequest().withProductId(id).withBody(new UpdateProductRequestBody()
                .withName(name + " v2").withAssetList(List.of(media(image, null)))
                .withState(UpdateProductRequestBody.StateEnum.UNACTIVED)));
        ShowProductResponse updated = show(id);
        assertThat(updated.getName()).isEqualTo(name + " v2");
        assertThat(updated.getState().getValue()).isEqualTo("UNACTIVED");
        assertThat(updated.getDescription()).as("full replacement").isNull();
        assertThat(updated.getTags()).isNull();
        assertThat(updated.getAssetList()).singleElement().satisfies(m ->
                assertThat(m.getAssetType().getValue()).as("from the asset").isEqualTo("IMAGE"));
        assertThat(updated.getCover().getAssetId()).as("the top image is the thumbnail").isEqualTo(image);

        client.setProductAsset(new SetProductAssetRequest().withProductId(id).withBody(new ProductAssetReleation()
                .withAction(ProductAssetReleation.ActionEnum.LINK).withAssetItem(media(image2, null))
                .withTextItem(new ProductTextInfo().withTitle("size").withText("42"))));
        ShowProductResponse linked = show(id);
        assertThat(linked.getAssetList()).extracting(ProductMediaDetailInfo::getAssetId).containsExactly(image, image2);
        assertThat(linked.getTextList()).extracting(ProductTextInfo::getTitle).containsExactly("size");
        ClientRequestException twice = refused(() -> client.setProductAsset(new SetProductAssetRequest()
                .withProductId(id).withBody(new ProductAssetReleation().withAction(ProductAssetReleation.ActionEnum.LINK)
                        .withAssetItem(media(image2, null)))));
        assertThat(twice.getHttpStatusCode()).isEqualTo(400);
        assertThat(twice.getErrorCode()).isEqualTo("MSS.10001039");
        client.setProductAsset(new SetProductAssetRequest().withProductId(id).withBody(new ProductAssetReleation()
                .withAction(ProductAssetReleation.ActionEnum.UNLINK).withAssetItem(media(image, null))
                .withTextItem(new ProductTextInfo().withTitle("size"))));
        ShowProductResponse unlinked = show(id);
        assertThat(unlinked.getAssetList()).extracting(ProductMediaDetailInfo::getAssetId).containsExactly(image2);
        assertThat(unlinked.getTextList()).isEmpty();

        client.deleteProduct(new DeleteProductRequest().withProductId(id));
        ClientRequestException gone = refused(() -> show(id));
        assertThat(gone.getHttpStatusCode()).isEqualTo(400);
        assertThat(gone.getErrorCode()).isEqualTo("MSS.10001041");
        assertThat(refused(() -> client.deleteProduct(new DeleteProductRequest().withProductId(id))).getErrorCode())
                .isEqualTo("MSS.10001041");
    }

    @Test
    @DisplayName("auto_active=false creates an UNACTIVED product")
    void autoActiveFalse() {
        String id = create(new CreateProductRequestBody().withName("idle " + UUID.randomUUID()).withAutoActive(false));
        assertThat(show(id).getState().getValue()).isEqualTo("UNACTIVED");
        client.updateProduct(new UpdateProductRequest().withProductId(id).withBody(new UpdateProductRequestBody()
                .withName("idle again").withState(UpdateProductRequestBody.StateEnum.ACTIVED)));
        assertThat(show(id).getState().getValue()).isEqualTo("ACTIVED");
    }

    @Test
    @DisplayName("The material list's documented refusals, MSS.10001036-10001042")
    void materialsAreChecked() {
        CreateProductRequestBody base = new CreateProductRequestBody().withName("bad " + UUID.randomUUID());
        ClientRequestException unknown = refused(() -> create(base.withAssetList(List.of(
                media("22222222222222222222222222222222", null)))));
        assertThat(unknown.getHttpStatusCode()).isEqualTo(400);
        assertThat(unknown.getErrorCode()).isEqualTo("MSS.10001037");
        ClientRequestException mismatch = refused(() -> create(base.withAssetList(List.of(
                media(image, ProductMediaInfo.AssetTypeEnum.VIDEO)))));
        assertThat(mismatch.getErrorCode()).isEqualTo("MSS.10001038");
        ClientRequestException voice = refused(() -> create(base.withAssetList(List.of(media(Videos.EMMA, null)))));
        assertThat(voice.getErrorCode()).isEqualTo("MSS.10001038");
        ClientRequestException duplicate = refused(() -> create(base.withAssetList(List.of(media(image, null),
                media(image, null)))));
        assertThat(duplicate.getErrorCode()).isEqualTo("MSS.10001039");
        String pending = Assets.create(client, CreateDigitalAssetRequestBody.AssetTypeEnum.IMAGE,
                "no file yet " + UUID.randomUUID());
        ClientRequestException inactive = refused(() -> create(base.withAssetList(List.of(media(pending, null)))));
        assertThat(inactive.getErrorCode()).isEqualTo("MSS.10001040");
        ClientRequestException cover = refused(() -> create(base.withAssetList(List.of(media(image, null)))
                .withCover(new ProductCoverInfo().withAssetId(image2))));
        assertThat(cover.getErrorCode()).isEqualTo("MSS.10001036");
        List<ProductMediaInfo> many = new java.util.ArrayList<>();
        for (int i = 0; i <= ProductService.MAX_ASSETS; i++) {
            many.add(media(UUID.randomUUID().toString(), null));
        }
        assertThat(refused(() -> create(base.withAssetList(many))).getErrorCode()).isEqualTo("MSS.10001042");
        ClientRequestException tag = refused(() -> create(base.withAssetList((List<ProductMediaInfo>) null).withTags(List.of("x".repeat(17)))));
        assertThat(tag.getErrorCode()).isEqualTo("MSS.00000003");
        assertThat(tag.getErrorMsg()).contains("tags[0]");
        ClientRequestException nameless = refused(() -> create(new CreateProductRequestBody()));
        assertThat(nameless.getErrorMsg()).contains("name");
        String linker = create(new CreateProductRequestBody().withName("linker " + UUID.randomUUID()));
        ClientRequestException link = refused(() -> client.setProductAsset(new SetProductAssetRequest()
                .withProductId(linker).withBody(new ProductAssetReleation()
                        .withAction(ProductAssetReleation.ActionEnum.LINK).withAssetItem(media(pending, null)))));
        assertThat(link.getErrorCode()).isEqualTo("MSS.10001040");
        ClientRequestException unlink = refused(() -> client.setProductAsset(new SetProductAssetRequest()
                .withProductId(linker).withBody(new ProductAssetReleation()
                        .withAction(ProductAssetReleation.ActionEnum.UNLINK).withAssetItem(media(image, null)))));
        assertThat(unlink.getErrorCode()).isEqualTo("MSS.00000003");
        assertThat(unlink.getErrorMsg()).contains("asset_item.asset_id");
        ClientRequestException noAction = refused(() -> client.setProductAsset(new SetProductAssetRequest()
                .withProductId(linker).withBody(new ProductAssetReleation().withAssetItem(media(image, null)))));
        assertThat(noAction.getErrorMsg()).contains("action");
        ClientRequestException update = refused(() -> client.updateProduct(new UpdateProductRequest()
                .withProductId(UUID.randomUUID().toString()).withBody(new UpdateProductRequestBody().withName("x"))));
        assertThat(update.getErrorCode()).isEqualTo("MSS.10001041");
    }

    @Test
    void theListFiltersSortsAndPages() {
        String marker = "plist-" + UUID.randomUUID();
        String a = create(new CreateProductRequestBody().withName(marker + " alpha").withTags(List.of("Summer")));
        String b = create(new CreateProductRequestBody().withName(marker + " beta").withTags(List.of("winter"))
                .withAutoActive(false));
        String c = create(new CreateProductRequestBody().withName(marker + " gamma"));
        assertThat(ids(new ListProductsRequest().withName(marker.toUpperCase()))).containsExactly(a, b, c);
        assertThat(ids(new ListProductsRequest().withName(marker).withSortDir("desc"))).containsExactly(c, b, a);
        assertThat(ids(new ListProductsRequest().withName(marker).withOffset(1).withLimit(1))).containsExactly(b);
        assertThat(client.listProducts(new ListProductsRequest().withName(marker).withLimit(1)).getCount()).isEqualTo(3);
        assertThat(ids(new ListProductsRequest().withName(marker).withTag("summ"))).containsExactly(a);
        assertThat(ids(new ListProductsRequest().withName(marker).withState("UNACTIVED"))).containsExactly(b);
        assertThat(ids(new ListProductsRequest().withName(marker).withState("ACTIVED,UNACTIVED"))).hasSize(3);
        String created = show(a).getCreateTime();
        assertThat(ids(new ListProductsRequest().withName(marker).withCreateUntil("2000-01-01T00:00:00Z"))).isEmpty();
        assertThat(ids(new ListProductsRequest().withName(marker).withCreateSince(created))).contains(a);
        assertThat(ids(new ListProductsRequest().withName(marker).withCreateUntil(created))).contains(a);
        ClientRequestException state = refused(() -> client.listProducts(new ListProductsRequest().withState("GONE")));
        assertThat(state.getErrorMsg()).contains("state");
        ClientRequestException sort = refused(() -> client.listProducts(new ListProductsRequest().withSortKey("name")));
        assertThat(sort.getErrorMsg()).contains("sort_key");
    }

    @Test
    @DisplayName("Another project sees and changes nothing of a product")
    void anotherProjectSeesAndChangesNothing() {
        String name = "private product " + UUID.randomUUID();
        String id = create(new CreateProductRequestBody().withName(name));
        MetaStudioClient other = clientB();
        assertThat(refused(() -> other.showProduct(new ShowProductRequest().withProductId(id))).getErrorCode())
                .isEqualTo("MSS.10001041");
        assertThat(refused(() -> other.updateProduct(new UpdateProductRequest().withProductId(id)
                .withBody(new UpdateProductRequestBody().withName("stolen")))).getErrorCode()).isEqualTo("MSS.10001041");
        assertThat(refused(() -> other.deleteProduct(new DeleteProductRequest().withProductId(id))).getErrorCode())
                .isEqualTo("MSS.10001041");
        assertThat(refused(() -> other.setProductAsset(new SetProductAssetRequest().withProductId(id)
                .withBody(new ProductAssetReleation().withAction(ProductAssetReleation.ActionEnum.LINK)
                        .withTextItem(new ProductTextInfo().withTitle("x"))))).getErrorCode()).isEqualTo("MSS.10001041");
        assertThat(other.listProducts(new ListProductsRequest().withName(name)).getCount()).isZero();
        // Project A's image is not a material project B can use.
        assertThat(refused(() -> other.createProduct(new CreateProductRequest().withBody(new CreateProductRequestBody()
                .withName(name).withAssetList(List.of(media(image, null)))))).getErrorCode()).isEqualTo("MSS.10001037");
        assertThat(show(id).getName()).isEqualTo(name);
        assertThat(show(id).getTextList()).isNull();
    }

    private List<String> ids(ListProductsRequest q) {
        return client.listProducts(q).getProducts().stream().map(ProductDetailInfo::getProductId).toList();
    }
}
