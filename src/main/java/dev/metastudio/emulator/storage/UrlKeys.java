package dev.metastudio.emulator.storage;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.web.util.UriUtils;

/** Reading an object key back out of a store's URL. */
public final class UrlKeys {
    private UrlKeys() {
    }

    /** The decoded, validated key after {@code prefix} in the URL's path, or empty if the URL is not of that shape. */
    public static Optional<String> pathAfter(String url, String prefix) {
        if (url == null) {
            return Optional.empty();
        }
        try {
            String path = URI.create(url.trim()).getRawPath();
            if (path == null || !path.startsWith(prefix) || path.length() == prefix.length()) {
                return Optional.empty();
            }
            String key = Arrays.stream(path.substring(prefix.length()).split("/"))
                    .map(segment -> UriUtils.decode(segment, StandardCharsets.UTF_8))
                    .collect(Collectors.joining("/"));
            return Optional.of(ObjectKeys.normalize(key));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
