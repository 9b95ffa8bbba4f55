package dev.metastudio.emulator.edge.auth;

/** An AK/SK pair and the one project it may act on. */
public record Credential(String accessKey, String secretKey, String projectId) {
}
