package dev.metastudio.emulator.asset;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.metastudio.emulator.config.LocalWrites;
import dev.metastudio.emulator.config.ReadCache;
import dev.metastudio.emulator.edge.PreparedJson;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The asset reads the API answers most (GET one asset, GET the list), kept as the finished views so that a repeated
 * read needs no transaction, no connection and no query. The rule ({@link ReadCache}): a view is served for at most
 * {@link #TTL_MILLIS} ms after it was read, and never after this node committed a read-write transaction since the
 * read began; so this node's writes are seen at once, another node's within {@value #TTL_MILLIS} ms. Presigned URLs
 * in a cached view were signed at most that long ago (their validity is hours). Bounded to {@value #MAX_ENTRIES}
 * views of each kind. Views are kept as their JSON, written once.
 */
@Component
class AssetViewCache {
    static final long TTL_MILLIS = 1000;
    static final int MAX_ENTRIES = 4096;

    private record ShowKey(String projectId, String assetId, String baseUrl) {
    }

    private record ListKey(String projectId, String query, String baseUrl) {
    }

    private final ReadCache<ShowKey, PreparedJson> shown;
    private final ReadCache<ListKey, PreparedJson> listed;
    private final ObjectMapper mapper;

    AssetViewCache(LocalWrites writes, ObjectMapper mapper) {
        this.shown = new ReadCache<>(writes, TTL_MILLIS, MAX_ENTRIES);
        this.listed = new ReadCache<>(writes, TTL_MILLIS, MAX_ENTRIES);
        this.mapper = mapper;
    }

    PreparedJson show(String projectId, String assetId, String baseUrl, Supplier<AssetViews.Asset> read) {
        return shown.get(new ShowKey(projectId, assetId, baseUrl), () -> PreparedJson.of(mapper, read.get()));
    }

    PreparedJson list(String projectId, String rawQuery, String baseUrl, Supplier<AssetViews.AssetList> read) {
        return listed.get(new ListKey(projectId, rawQuery == null ? "" : rawQuery, baseUrl),
                () -> PreparedJson.of(mapper, read.get()));
    }
}
