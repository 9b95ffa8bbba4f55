package dev.metastudio.emulator.support;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.metastudio.v1.MetaStudioClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A running server on a random port, on the real PostgreSQL, with the two test tenants. Every subclass shares
 * one server (same configuration, so Spring caches the context); tests keep apart by their own resource ids.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ServerTest {
    private static final Path DATA_DIR = tempDir();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void serverProperties(DynamicPropertyRegistry registry) {
        TestDatabase.Target db = TestDatabase.shared();
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::username);
        registry.add("spring.datasource.password", db::password);
        registry.add("metastudio.data-dir", DATA_DIR::toString);
        registry.add("metastudio.credentials", () -> TestProjects.CREDENTIALS);
        registry.add("metastudio.users", () -> TestProjects.USERS);
    }

    protected String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    protected Path dataDir() {
        return DATA_DIR;
    }

    protected MetaStudioClient client(String ak, String sk, String projectId) {
        BasicCredentials credentials = new BasicCredentials().withAk(ak).withSk(sk).withProjectId(projectId);
        return MetaStudioClient.newBuilder()
                .withCredential(credentials)
                .withEndpoints(List.of(baseUrl()))
                .withHttpConfig(HttpConfig.getDefaultHttpConfig().withTimeout(10).withReadTimeout(120))
                .build();
    }

    protected MetaStudioClient clientA() {
        return client(TestProjects.AK_A, TestProjects.SK_A, TestProjects.PROJECT_A);
    }

    protected MetaStudioClient clientB() {
        return client(TestProjects.AK_B, TestProjects.SK_B, TestProjects.PROJECT_B);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("msemu-test-data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
