package dev.metastudio.emulator.storage;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/** MD5 in the two spellings stores use: Base64 (Content-MD5, RFC 1864, the API's file_md5) and hex (ETags). */
public final class Md5 {
    private Md5() {
    }

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }

    public static String base64(byte[] digest) {
        return Base64.getEncoder().encodeToString(digest);
    }

    /** The Base64 MD5 an ETag stands for, or null when the ETag is not a plain MD5 (multipart, encrypted). */
    public static String fromEtag(String etag) {
        if (etag == null) {
            return null;
        }
        String hex = etag.replace("\"", "").trim();
        if (hex.length() != 32 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return null;
        }
        return base64(HexFormat.of().parseHex(hex));
    }

    /** The 16 digest bytes of a Content-MD5 value, or null when it is not Base64 of 16 bytes. */
    public static byte[] parseBase64(String contentMd5) {
        if (contentMd5 == null) {
            return null;
        }
        try {
            byte[] raw = Base64.getDecoder().decode(contentMd5.trim());
            return raw.length == 16 ? raw : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
