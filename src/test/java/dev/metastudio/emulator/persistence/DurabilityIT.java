package dev.metastudio.emulator.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.metastudio.v1.MetaStudioClient;
import com.huaweicloud.sdk.metastudio.v1.model.CreateDigitalAssetRequestBody.AssetTypeEnum;
import com.huaweicloud.sdk.metastudio.v1.model.DigitalAssetInfo;
import com.huaweicloud.sdk.metastudio.v1.model.ListAssetsRequest;
import com.huaweicloud.sdk.metastudio.v1.model.ListAssetsResponse;
import dev.metastudio.emulator.support.Assets;
import dev.metastudio.emulator.support.JarProcess;
import dev.metastudio.emulator.support.SdkWire;
import dev.metastudio.emulator.support.TestDatabase;
import dev.metastudio.emulator.support.TestProjects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * kill -9 during a burst of writes loses none that were acknowledged: concurrent SDK clients create assets, the
 * server process is killed while they write, and after a restart on the same database every asset whose creation
 * answered 200 is there. On the embedded H2 default (where H2's own write delay lost 6.6 % of them) and on
 * PostgreSQL.
 */
class DurabilityIT {
    private static final int WRITERS = 6;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 1500;

    @Test
    void noAcknowledgedWriteIsLostOnTheEmbeddedH2() throws Exception {
        killDuringWritesAndCount(null, "h2");
    }

    @Test
    void noAcknowledgedWriteIsLostOnPostgresql() throws Exception {
        killDuringWritesAndCount(TestDatabase.freshSchema(), "pg");
    }

    private void killDuringWritesAndCount(TestDatabase.Target db, String label) throws Exception {
        assertThat(JarProcess.JAR).as("run after `mvn package`").exists();
        Path dataDir = Files.createTempDirectory("msemu-durability-" + label);
        Path log = Files.createDirectories(Path.of("target", "durability-it")).resolve(label + ".log");
        String marker = "durable-" + UUID.randomUUID().toString().substring(0, 8);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        int failedCalls;
        try (JarProcess first = JarProcess.start(label + "-first", JarProcess.environment(db, dataDir), log)) {
            first.awaitReady(Duration.ofSeconds(120));
            MetaStudioClient client = client(first);
            AtomicBoolean running = new AtomicBoolean(true);
            List<Integer> failures = new ArrayList<>();
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.submit(() -> {
                    int failed = 0;
                    for (int i = 0; running.get(); i++) {
                        try {
                            acknowledged.add(Assets.create(client, AssetTypeEnum.IMAGE, marker + "-" + writer + "-" + i));
                        } catch (RuntimeException refusedOrCut) {
                            failed++;
                        }
                    }
                    synchronized (failures) {
                        failures.add(failed);
                    }
                });
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            first.kill();
            Thread.sleep(500);
            running.set(false);
            writers.shutdown();
            assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            failedCalls = failures.stream().mapToInt(Integer::intValue).sum();
        }
        assertThat(acknowledged).as("writes acknowledged before the kill").hasSizeGreaterThanOrEqualTo(
                ACKNOWLEDGED_BEFORE_KILL);

        try (JarProcess second = JarProcess.start(label + "-second", JarProcess.environment(db, dataDir), log)) {
            second.awaitReady(Duration.ofSeconds(120));
            Set<String> found = listAll(client(second), marker);
            Set<String> lost = new HashSet<>(acknowledged);
            lost.removeAll(found);
            System.out.printf("[durability] %s: %d acknowledged, %d found after kill -9 and restart, %d lost,"
                    + " %d calls cut off by the kill%n", label, acknowledged.size(), found.size(), lost.size(),
                    failedCalls);
            assertThat(lost).as("acknowledged creations missing after kill -9").isEmpty();
        }
    }

    private static Set<String> listAll(MetaStudioClient client, String marker) {
        Set<String> ids = new HashSet<>();
        for (int offset = 0; ; offset += 100) {
            ListAssetsResponse page = client.listAssets(new ListAssetsRequest().withName(marker).withLimit(100)
                    .withOffset(offset));
            for (DigitalAssetInfo asset : page.getAssets()) {
                ids.add(asset.getAssetId());
            }
            if (page.getAssets().size() < 100) {
                return ids;
            }
        }
    }

    private static MetaStudioClient client(JarProcess node) {
        return MetaStudioClient.newBuilder()
                .withCredential(SdkWire.credentials(TestProjects.AK_A, TestProjects.SK_A, TestProjects.PROJECT_A))
                .withEndpoints(List.of(node.baseUrl()))
                .withHttpConfig(HttpConfig.getDefaultHttpConfig().withTimeout(5).withReadTimeout(30))
                .build();
    }
}
