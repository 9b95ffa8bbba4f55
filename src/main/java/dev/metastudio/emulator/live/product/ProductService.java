package dev.metastudio.emulator.live.product;

import dev.metastudio.emulator.asset.AssetEntity;
import dev.metastudio.emulator.asset.AssetLookup;
import dev.metastudio.emulator.asset.AssetMapper;
import dev.metastudio.emulator.asset.AssetReferences;
import dev.metastudio.emulator.asset.AssetState;
import dev.metastudio.emulator.edge.ApiException;
import dev.metastudio.emulator.edge.ApiTime;
import dev.metastudio.emulator.edge.Check;
import dev.metastudio.emulator.edge.Paging;
import dev.metastudio.emulator.edge.QueryParams;
import dev.metastudio.emulator.live.LiveQueries;
import dev.metastudio.emulator.live.product.ProductModel.MediaInfo;
import dev.metastudio.emulator.live.product.ProductModel.State;
import dev.metastudio.emulator.live.product.ProductModel.TextInfo;
import jakarta.persistence.criteria.Predicate;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Products, reference 6.3: a name, tags, texts and a portfolio of the project's IMAGE, VIDEO and AUDIO assets, ACTIVED
 * on creation unless auto_active is false. Decision: DELETE removes the product; afterwards it is MSS.10001041
 * "Product not found" like any unknown id (the DELETED state of the enum is never answered).
 */
@Service
class ProductService {
    /** Undocumented; the reference names MSS.10001042 "Too many product materials" without a number. */
    static final int MAX_ASSETS = 100;
    static final int MAX_TAGS = 50;
    static final int MAX_TAG_BYTES = 16;
    private final ProductRepository products;
    private final AssetLookup assets;
    private final AssetReferences references;
    private final AssetMapper mapper;
    private final Clock clock;

    ProductService(ProductRepository products, AssetLookup assets, AssetReferences references, AssetMapper mapper,
                   Clock clock) {
        this.products = products;
        this.assets = assets;
        this.references = references;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Transactional
    public ProductModel.Created create(String projectId, ProductModel.CreateBody body) {
        Check.required(body, "request body");
        ProductModel.Content content = checked(projectId, body.name(), body.description(), body.tags(), body.cover(),
                body.textList(), body.assetList());
        Instant now = clock.instant();
        ProductEntity product = new ProductEntity();
        product.setProductId(UUID.randomUUID().toString());
        product.setProjectId(projectId);
        apply(product, body.name(), body.description(), body.tags(), content);
        product.setState((body.autoActive() == null || body.autoActive() ? State.ACTIVED : State.UNACTIVED).name());
        product.setCreateTime(now);
        product.setUpdateTime(now);
        products.save(product);
        return new ProductModel.Created(product.getProductId());
    }

    @Transactional(readOnly = true)
    public ProductModel.ProductList list(String projectId, QueryParams q, String baseUrl) {
        Paging paging = Paging.of(q);
        // sort_key asset_order is copied into this API's table by the reference; it sorts like create_time.
        String key = q.oneOf("sort_key", List.of("create_time", "update_time", "asset_order"), "create_time");
        boolean asc = "asc".equals(q.oneOf("sort_dir", List.of("asc", "desc"), "asc"));
        String sorted = "update_time".equals(key) ? "updateTime" : "createTime";
        Sort sort = Sort.by(asc ? Sort.Order.asc(sorted) : Sort.Order.desc(sorted), Sort.Order.asc("productId"));
        String name = q.text("name");
        String tag = q.text("tag");
        List<State> states = q.enums("state", State.class);
        Page<ProductEntity> page = products.findAll((root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(cb.equal(root.get("projectId"), projectId));
            LiveQueries.createdWithin(cb, root.get("createTime"), q, where);
            if (name != null) {
                where.add(LiveQueries.contains(cb, root.get("name"), name));
            }
            if (tag != null) {
                where.add(LiveQueries.contains(cb, root.get("tags"), tag));
            }
            if (!states.isEmpty()) {
                where.add(root.get("state").in(states.stream().map(Enum::name).toList()));
            }
            return cb.and(where.toArray(Predicate[]::new));
        }, paging.sorted(sort));
        return new ProductModel.ProductList((int) page.getTotalElements(),
                page.getContent().stream().map(p -> detail(p, baseUrl)).toList());
    }

    @Transactional(readOnly = true)
    public ProductModel.Detail show(String projectId, String productId, String baseUrl) {
        return detail(owned(projectId, productId), baseUrl);
    }

    /** PUT: the whole product replaced (name required); state ACTIVED/UNACTIVED toggles, absent keeps it. */
    @Transactional
    public void update(String projectId, String productId, ProductModel.UpdateBody body) {
        ProductEntity product = owned(projectId, productId);
        Check.required(body, "request body");
        ProductModel.Content content = checked(projectId, body.name(), body.description(), body.tags(), body.cover(),
                body.textList(), body.assetList());
        if (body.state() != null) {
            if (body.state() != State.ACTIVED && body.state() != State.UNACTIVED) {
                throw ApiException.invalid("state", "must be ACTIVED or UNACTIVED, got " + body.state());
            }
            if (State.BLOCK.name().equals(product.getState())) {
                throw ApiException.invalid("state", "cannot change: product " + productId + " is frozen (BLOCK)");
            }
            product.setState(body.state().name());
        }
        apply(product, body.name(), body.description(), body.tags(), content);
        product.setUpdateTime(clock.instant());
    }

    @Transactional
    public void delete(String projectId, String productId) {
        products.delete(owned(projectId, productId));
    }

    /** 6.3.6: LINK adds the asset and/or the text, UNLINK removes them. */
    @Transactional
    public void relate(String projectId, String productId, ProductModel.AssetRelation body) {
        ProductEntity product = owned(projectId, productId);
        Check.required(body, "request body");
        ProductModel.Action action = Check.required(body.action(), "action");
        if (body.assetItem() == null && body.textItem() == null) {
            throw ApiException.invalid("asset_item", "or text_item is required");
        }
        ProductModel.Content c = product.getContent();
        List<MediaInfo> media = new ArrayList<>(c.assetList() == null ? List.of() : c.assetList());
        List<TextInfo> texts = new ArrayList<>(c.textList() == null ? List.of() : c.textList());
        MediaInfo item = body.assetItem();
        if (item != null) {
            String id = Check.requiredText(item.assetId(), "asset_item.asset_id");
            if (action == ProductModel.Action.LINK) {
                // Only the new material is checked: one linked earlier and deactivated since does not block it.
                if (media.stream().anyMatch(m -> m.assetId().equals(id))) {
                    throw new ApiException(400, ProductCodes.DUPLICATE_ASSET, "The product material list contains"
                            + " duplicate asset: asset_item.asset_id " + id + " is already a material");
                }
                if (media.size() >= MAX_ASSETS) {
                    throw new ApiException(400, ProductCodes.TOO_MANY_ASSETS, "Too many product materials: "
                            + (media.size() + 1) + " > upper limit " + MAX_ASSETS);
                }
                media(projectId, List.of(item), "asset_item");
                media.add(item);
            } else if (!media.removeIf(m -> m.assetId().equals(id))) {
                throw ApiException.invalid("asset_item.asset_id", id + " is not a material of product " + productId);
            } else if (c.cover() != null && id.equals(c.cover().assetId())) {
                c = new ProductModel.Content(null, c.textList(), c.assetList());
            }
        }
        TextInfo text = body.textItem();
        if (text != null) {
            if (action == ProductModel.Action.LINK) {
                texts.add(text);
            } else if (!texts.removeIf(t -> Objects.equals(t.title(), text.title())
                    && (text.text() == null || Objects.equals(t.text(), text.text())))) {
                throw ApiException.invalid("text_item", "matches no text of product " + productId);
            }
        }
        product.setContent(new ProductModel.Content(c.cover(), texts.isEmpty() && c.textList() == null ? null : texts,
                media.isEmpty() && c.assetList() == null ? null : media));
        product.setUpdateTime(clock.instant());
    }

    private ProductEntity owned(String projectId, String productId) {
        return products.findByProjectIdAndProductId(projectId, productId)
                .orElseThrow(() -> new ApiException(400, ProductCodes.PRODUCT_NOT_FOUND, "Product not found: "
                        + productId));
    }

    private ProductModel.Content checked(String projectId, String name, String description, List<String> tags,
                                         ProductModel.CoverInfo cover, List<TextInfo> texts, List<MediaInfo> media) {
        Check.length(Check.requiredText(name, "name"), 1, 256, "name");
        Check.length(description, 0, 2048, "description");
        Check.size(tags, MAX_TAGS, "tags");
        if (tags != null) {
            for (int i = 0; i < tags.size(); i++) {
                String tag = Check.required(tags.get(i), "tags[" + i + "]");
                if (tag.isEmpty() || tag.getBytes(StandardCharsets.UTF_8).length > MAX_TAG_BYTES) {
                    throw ApiException.invalid("tags[" + i + "]", "must be 1 to " + MAX_TAG_BYTES + " bytes, got '"
                            + tag + "'");
                }
            }
        }
        if (texts != null) {
            for (int i = 0; i < texts.size(); i++) {
                Check.required(texts.get(i), "text_list[" + i + "]");
            }
        }
        if (media != null) {
            media(projectId, media, "asset_list");
        }
        if (cover != null && cover.assetId() != null && !cover.assetId().isEmpty()) {
            boolean listed = media != null && media.stream().anyMatch(m -> m.assetId().equals(cover.assetId())
                    && kind(projectId, m) == ProductModel.MediaType.IMAGE);
            if (!listed) {
                throw new ApiException(400, ProductCodes.NO_THUMBNAIL_ASSET, "The product material list does not"
                        + " contain related thumbnail assets: cover.asset_id " + cover.assetId() + " must be an IMAGE"
                        + " of asset_list");
            }
        }
        return new ProductModel.Content(cover, texts, media);
    }

    /** Each material: a distinct, visible, ACTIVED IMAGE/VIDEO/AUDIO asset of the type it claims. */
    private void media(String projectId, List<MediaInfo> media, String field) {
        if (media.size() > MAX_ASSETS) {
            throw new ApiException(400, ProductCodes.TOO_MANY_ASSETS, "Too many product materials: " + media.size()
                    + " > upper limit " + MAX_ASSETS);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < media.size(); i++) {
            String f = "asset_list".equals(field) ? field + "[" + i + "]" : field;
            MediaInfo m = Check.required(media.get(i), f);
            String id = Check.requiredText(m.assetId(), f + ".asset_id");
            Check.length(id, 1, 64, f + ".asset_id");
            Check.range(m.order(), 0, 300, f + ".order");
            if (!seen.add(id)) {
                throw new ApiException(400, ProductCodes.DUPLICATE_ASSET, "The product material list contains"
                        + " duplicate asset: " + f + ".asset_id " + id);
            }
            AssetEntity asset = assets.findVisible(projectId, id).orElseThrow(() -> new ApiException(400,
                    ProductCodes.UNAVAILABLE_ASSET, "The product material list contains unavailable assets: " + f
                    + ".asset_id " + id + " does not exist"));
            Optional<ProductModel.MediaType> type = mediaType(asset);
            if (type.isEmpty() || (m.assetType() != null && m.assetType() != type.get())) {
                throw new ApiException(400, ProductCodes.UNMATCHED_ASSET, "The product material list contains"
                        + " unmatched assets: " + f + " asset " + id + " is a " + asset.getAssetType()
                        + (m.assetType() == null ? "; materials are IMAGE, VIDEO or AUDIO" : ", not " + m.assetType()));
            }
            if (asset.getAssetState() != AssetState.ACTIVED) {
                throw new ApiException(400, ProductCodes.ASSET_NOT_ACTIVE, "The associated asset added to the product"
                        + " material list is unavailable: " + f + " asset " + id + " is " + asset.getAssetState()
                        + "; use activated assets");
            }
        }
    }

    private ProductModel.MediaType kind(String projectId, MediaInfo m) {
        return m.assetType() != null ? m.assetType()
                : assets.findVisible(projectId, m.assetId()).flatMap(ProductService::mediaType).orElse(null);
    }

    private static Optional<ProductModel.MediaType> mediaType(AssetEntity asset) {
        return Arrays.stream(ProductModel.MediaType.values())
                .filter(t -> t.name().equals(asset.getAssetType().name())).findFirst();
    }

    private static void apply(ProductEntity p, String name, String description, List<String> tags,
                              ProductModel.Content content) {
        p.setName(name);
        p.setDescription(description);
        p.setTags(tags == null ? null : LiveQueries.bars(tags));
        p.setContent(content);
    }

    /** Materials in order: those with an order 1-300 by it, then the rest as added; the top image is the thumbnail. */
    static List<MediaInfo> ordered(List<MediaInfo> media) {
        if (media == null) {
            return List.of();
        }
        return IntStream.range(0, media.size()).boxed()
                .sorted(Comparator.comparing((Integer i) -> {
                    Integer order = media.get(i).order();
                    return order == null || order == 0 ? Integer.MAX_VALUE : order;
                }).thenComparing(i -> i))
                .map(media::get).toList();
    }

    private ProductModel.Detail detail(ProductEntity p, String baseUrl) {
        ProductModel.Content c = p.getContent();
        List<ProductModel.MediaDetail> media = new ArrayList<>();
        for (MediaInfo m : ordered(c.assetList())) {
            Optional<AssetEntity> asset = assets.findShown(p.getProjectId(), m.assetId());
            String cover = asset.map(a -> mapper.coverUrl(a, baseUrl)).orElse(null);
            String main = asset.flatMap(references::mainFile).map(f -> mapper.file(f, baseUrl).downloadUrl())
                    .orElse(null);
            media.add(new ProductModel.MediaDetail(m.assetId(),
                    m.assetType() != null ? m.assetType() : asset.flatMap(ProductService::mediaType).orElse(null),
                    m.order() == null ? 0 : m.order(), asset.map(AssetEntity::getAssetName).orElse(null),
                    asset.map(a -> a.getAssetState().name()).orElse(null), cover, cover, main));
        }
        String coverId = c.cover() != null && c.cover().assetId() != null && !c.cover().assetId().isEmpty()
                ? c.cover().assetId()
                : media.stream().filter(m -> m.assetType() == ProductModel.MediaType.IMAGE)
                        .map(ProductModel.MediaDetail::assetId).findFirst().orElse(null);
        ProductModel.CoverDetail cover = null;
        if (coverId != null) {
            String url = assets.findShown(p.getProjectId(), coverId).map(a -> mapper.coverUrl(a, baseUrl)).orElse(null);
            cover = new ProductModel.CoverDetail(coverId, url, url);
        }
        List<String> tags = p.getTags() == null ? null
                : Arrays.stream(p.getTags().split("\\|")).filter(t -> !t.isEmpty()).toList();
        return new ProductModel.Detail(p.getProductId(), p.getName(), p.getDescription(), tags, cover, c.textList(),
                c.assetList() == null ? null : media, ApiTime.format(p.getCreateTime()),
                ApiTime.format(p.getUpdateTime()), State.valueOf(p.getState()));
    }
}
