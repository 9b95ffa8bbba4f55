package dev.metastudio.emulator.asset;

import dev.metastudio.emulator.edge.ApiException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/** What a file may be, by asset type and category: formats and sizes of the service overview, MD5 spellings. */
final class FileRules {
    static final long MAX_FILE_SIZE = 5_368_709_120L;
    static final long MAX_LARGE_FILE_SIZE = 536_870_912_000L;
    static final long MAX_IMAGE_OR_AUDIO = 500L * 1024 * 1024;
    static final long MAX_VIDEO = 1024L * 1024 * 1024;

    private static final Set<String> IMAGES = Set.of("png", "jpg", "jpeg", "gif", "bmp");
    private static final Set<String> VIDEOS = Set.of("mp4", "m4v", "mkv", "mov", "flv", "3gp", "wmv", "avi", "webm");
    private static final Set<String> AUDIOS = Set.of("mp3", "m4a", "wav");
    private static final Set<String> SLIDES = Set.of("ppt", "pptx", "pdf");

    private FileRules() {
    }

    /** file_type, defaulting to the name's extension as documented. */
    static String fileType(String declared, String fileName) {
        String type = declared != null && !declared.isBlank() ? declared.trim() : extension(fileName);
        if (type == null || type.isEmpty()) {
            throw ApiException.invalid("file_type", "is required when file_name has no extension");
        }
        if (type.length() > 64) {
            throw ApiException.invalid("file_type", "must be 1 to 64 characters long");
        }
        return type.toLowerCase(Locale.ROOT);
    }

    static void checkName(String fileName) {
        if (fileName == null || fileName.isEmpty()) {
            throw ApiException.invalid("file_name", "is required");
        }
        if (fileName.length() > 256) {
            throw ApiException.invalid("file_name", "must be 1 to 256 characters long, got " + fileName.length());
        }
        if (fileName.contains("/") || fileName.contains("\\") || fileName.equals(".") || fileName.equals("..")
                || fileName.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw ApiException.invalid("file_name", "must be a plain file name without path separators, '..' or"
                    + " control characters, got '" + fileName + "'");
        }
    }

    /** Formats the services accept for an asset's media; other asset types take any file. */
    static void checkFormat(AssetType assetType, FileCategory category, String fileType) {
        Set<String> allowed = allowedFormats(assetType, category);
        if (allowed != null && !allowed.contains(fileType)) {
            throw new ApiException(400, AssetCodes.INVALID_FORMAT, "Invalid file format: a " + category + " file of a " + assetType
                    + " asset must be one of " + sorted(allowed) + ", got '" + fileType + "'");
        }
    }

    static void checkSize(AssetType assetType, FileCategory category, long size) {
        if (category != FileCategory.MAIN) {
            return;
        }
        long limit = switch (assetType) {
            case IMAGE, AUDIO, MUSIC -> MAX_IMAGE_OR_AUDIO;
            case VIDEO -> MAX_VIDEO;
            default -> MAX_FILE_SIZE;
        };
        if (size > limit) {
            throw new ApiException(400, AssetCodes.TOO_LARGE, "Total file size too large: file_size " + size + " exceeds the "
                    + limit + "-byte limit for the main file of a " + assetType + " asset");
        }
    }

    /**
     * file_md5 as the Base64 of the 16 digest bytes (RFC 1864, L3250: "The value contains 24 characters"), which is
     * what Content-MD5 carries. The reference's own examples also print 32-digit hex (L2152, L2629), so that spelling
     * is accepted and converted: the file then carries, and every response shows, the 24-character form (L1458).
     */
    static String md5AsBase64(String fileMd5) {
        if (fileMd5 == null || fileMd5.isEmpty()) {
            return null;
        }
        String value = fileMd5.trim();
        if (value.length() == 32 && value.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(value));
        }
        try {
            byte[] raw = Base64.getDecoder().decode(value);
            if (raw.length == 16 && value.length() == 24) {
                return value;
            }
        } catch (IllegalArgumentException ignored) {
            // Reported below with the documented format.
        }
        throw ApiException.invalid("file_md5", "must be the Base64 of the file's 128-bit MD5 (24 characters,"
                + " RFC 1864), got '" + fileMd5 + "'");
    }

    static String extension(String fileName) {
        int dot = fileName == null ? -1 : fileName.lastIndexOf('.');
        return dot < 0 || dot == fileName.length() - 1 ? null : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** Where a file's bytes live in the object store: under its project and asset, with its type as extension. */
    static String objectKey(String projectId, AssetEntity asset, String fileId, String fileType) {
        return "projects/" + projectId + "/assets/" + asset.getId() + "/" + fileId + keySuffix(fileType);
    }

    /** The object-key suffix: the type if it is a plain short word, so keys never carry caller-chosen paths. */
    static String keySuffix(String fileType) {
        return fileType.matches("[a-z0-9]{1,16}") ? "." + fileType : "";
    }

    private static Set<String> allowedFormats(AssetType assetType, FileCategory category) {
        if (category == FileCategory.COVER) {
            return IMAGES;
        }
        if (category != FileCategory.MAIN) {
            return null;
        }
        return switch (assetType) {
            case IMAGE -> IMAGES;
            case VIDEO -> VIDEOS;
            case AUDIO, MUSIC -> AUDIOS;
            case PPT -> SLIDES;
            default -> null;
        };
    }

    private static String sorted(Set<String> values) {
        return values.stream().sorted().toList().toString();
    }
}
