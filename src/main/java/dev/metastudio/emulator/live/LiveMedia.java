package dev.metastudio.emulator.live;

import dev.metastudio.emulator.asset.AssetEntity;
import dev.metastudio.emulator.asset.AssetLookup;
import dev.metastudio.emulator.asset.AssetReferences;
import dev.metastudio.emulator.asset.AssetType;
import dev.metastudio.emulator.edge.ApiException;
import dev.metastudio.emulator.edge.ErrorCodes;
import dev.metastudio.emulator.storage.ObjectStore;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * How live rooms, rule libraries and products refer to media: an asset id or an asset-library URL of this service
 * must name an asset the caller's project may use (visible, ACTIVED, of the right type); unlike video production,
 * livestreaming also takes external http(s) URLs (reference Table 6-5: "External URLs are allowed for
 * livestreaming"), which are kept as given. Anything else is MSS.20010093 Invalid URL.
 */
@Component
public class LiveMedia {
    private final AssetReferences references;
    private final AssetLookup lookup;
    private final ObjectStore store;

    LiveMedia(AssetReferences references, AssetLookup lookup, ObjectStore store) {
        this.references = references;
        this.lookup = lookup;
        this.store = store;
    }

    /** A usable asset by id; 400 naming the field otherwise (reference of asset.AssetReferences). */
    public AssetEntity asset(String projectId, String assetId, String field, List<AssetType> types) {
        return references.usable(projectId, assetId, field, types.toArray(AssetType[]::new));
    }

    /** Like {@link #asset} with the caller's own refusal. */
    public AssetEntity asset(String projectId, String assetId, String field, AssetReferences.Refusal refusal,
                             List<AssetType> types) {
        return references.usable(projectId, assetId, field, refusal, types.toArray(AssetType[]::new));
    }

    /** The asset behind a URL or id, or empty for an external http(s) URL; refused when neither. */
    public Optional<AssetEntity> urlOrAsset(String projectId, String url, String field, List<AssetType> types) {
        if (store.keyOf(url).isPresent() || lookup.findVisible(projectId, url).isPresent()) {
            return Optional.of(references.byUrlOrId(projectId, url, field, types.toArray(AssetType[]::new)));
        }
        if (!external(url)) {
            throw new ApiException(400, ErrorCodes.INVALID_URL, "Invalid URL: " + field + " must be an http(s) URL,"
                    + " an asset-library URL of this service or an asset id, got '" + url + "'");
        }
        return Optional.empty();
    }

    /** An absolute http or https URL with a host. */
    public static boolean external(String url) {
        return hasScheme(url, "http", "https");
    }

    /** An absolute URL of one of the schemes, with a host. */
    public static boolean hasScheme(String url, String... schemes) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return false;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            for (String s : schemes) {
                if (s.equals(scheme)) {
                    return true;
                }
            }
            return false;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
