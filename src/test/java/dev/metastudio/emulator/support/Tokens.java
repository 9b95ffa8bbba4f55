package dev.metastudio.emulator.support;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** IAM password tokens for tests that need plain HTTP instead of signatures. */
public final class Tokens {
    private Tokens() {
    }

    public static String issue(String baseUrl, String user, String password, String projectId) {
        HttpResponse<String> created = Assets.send(HttpRequest.newBuilder(URI.create(baseUrl + "/v3/auth/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"%s","password":"%s"}}},
                        "scope":{"project":{"id":"%s"}}}}""".formatted(user, password, projectId)))
                .build());
        return created.headers().firstValue("X-Subject-Token")
                .orElseThrow(() -> new IllegalStateException("no token: " + created.body()));
    }
}
