package dev.metastudio.emulator.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A running server on the embedded defaults (H2 in a file under its data folder), with the test tenants'
 * AK/SK credentials and no IAM users, and the control plane protected by {@link #ADMIN_TOKEN}. Every subclass shares
 * this one server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class H2ServerTest {
    public static final String ADMIN_TOKEN = "test-admin-token-0123456789";
    private static final Path DATA_DIR = tempDir();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void serverProperties(DynamicPropertyRegistry registry) {
        registry.add("metastudio.data-dir", DATA_DIR::toString);
        registry.add("metastudio.credentials", () -> TestProjects.CREDENTIALS);
        registry.add("metastudio.admin-token", () -> ADMIN_TOKEN);
    }

    protected String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    protected Path dataDir() {
        return DATA_DIR;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("msemu-h2-test-data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
