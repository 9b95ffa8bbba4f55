package dev.metastudio.emulator.storage;

/**
 * What the store knows of an object: its size and, when known, the Base64 MD5 of its bytes (unknown for objects
 * assembled from multipart uploads on S3, whose ETag is not an MD5).
 */
public record ObjectInfo(long size, String md5Base64) {
}
