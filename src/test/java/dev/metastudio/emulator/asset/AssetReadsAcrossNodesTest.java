package dev.metastudio.emulator.asset;

import static org.assertj.core.api.Assertions.assertThat;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.metastudio.v1.MetaStudioClient;
import com.huaweicloud.sdk.metastudio.v1.model.CreateDigitalAssetRequestBody.AssetTypeEnum;
import com.huaweicloud.sdk.metastudio.v1.model.ListAssetsRequest;
import com.huaweicloud.sdk.metastudio.v1.model.ShowAssetRequest;
import com.huaweicloud.sdk.metastudio.v1.model.UpdateDigitalAssetRequest;
import com.huaweicloud.sdk.metastudio.v1.model.UpdateDigitalAssetRequestBody;
import dev.metastudio.emulator.EmulatorApplication;
import dev.metastudio.emulator.support.Assets;
import dev.metastudio.emulator.support.TestDatabase;
import dev.metastudio.emulator.support.TestProjects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The asset views are cached per node (AssetViewCache): a write is seen at once on the node that made it and within
 * the cache's time limit ({@value AssetViewCache#TTL_MILLIS} ms) on another node of the same database.
 */
class AssetReadsAcrossNodesTest {
    @Test
    void aWriteOnOneNodeIsSeenAtOnceThereAndWithinTheTimeLimitOnTheOther() throws Exception {
        TestDatabase.Target db = TestDatabase.freshSchema();
        Path data = Files.createTempDirectory("msemu-asset-nodes");
        try (ConfigurableApplicationContext nodeA = start(db, data);
             ConfigurableApplicationContext nodeB = start(db, data)) {
            MetaStudioClient a = client(nodeA);
            MetaStudioClient b = client(nodeB);
            String id = Assets.create(a, AssetTypeEnum.IMAGE, "nodes-before");
            ListAssetsRequest byName = new ListAssetsRequest().withName("nodes-").withLimit(10);
            // Both nodes read (and cache) the asset and the list.
            for (int i = 0; i < 3; i++) {
                assertThat(name(a, id)).isEqualTo("nodes-before");
                assertThat(name(b, id)).isEqualTo("nodes-before");
                assertThat(b.listAssets(byName).getAssets()).extracting(x -> x.getAssetName()).containsExactly("nodes-before");
            }

            a.updateDigitalAsset(new UpdateDigitalAssetRequest().withAssetId(id)
                    .withBody(new UpdateDigitalAssetRequestBody().withAssetName("nodes-after")));
            long written = System.nanoTime();
            assertThat(name(a, id)).as("the writing node, at once").isEqualTo("nodes-after");
            assertThat(a.listAssets(byName).getAssets()).extracting(x -> x.getAssetName()).containsExactly("nodes-after");

            boolean shown = false;
            boolean listed = false;
            while (!(shown && listed) && System.nanoTime() - written < 3_000_000_000L) {
                shown = shown || name(b, id).equals("nodes-after");
                listed = listed || b.listAssets(byName).getAssets().get(0).getAssetName().equals("nodes-after");
                Thread.sleep(20);
            }
            long seenAfterMs = (System.nanoTime() - written) / 1_000_000;
            assertThat(shown && listed).as("the other node sees the write").isTrue();
            // The rule is TTL_MILLIS after the read; the margin is for the two calls and a loaded machine.
            assertThat(seenAfterMs).as("ms until the other node saw it").isLessThanOrEqualTo(AssetViewCache.TTL_MILLIS + 500);
            // And once seen, it stays seen (no older view comes back).
            for (int i = 0; i < 5; i++) {
                assertThat(name(b, id)).isEqualTo("nodes-after");
            }
        }
    }

    private static String name(MetaStudioClient client, String id) {
        return client.showAsset(new ShowAssetRequest().withAssetId(id)).getAssetName();
    }

    private static ConfigurableApplicationContext start(TestDatabase.Target db, Path data) {
        return new SpringApplicationBuilder(EmulatorApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + db.password(), "--metastudio.data-dir=" + data,
                "--metastudio.credentials=" + TestProjects.CREDENTIALS, "--metastudio.users=" + TestProjects.USERS,
                "--metastudio.workers.count=1");
    }

    private static MetaStudioClient client(ConfigurableApplicationContext context) {
        String base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
        return MetaStudioClient.newBuilder()
                .withCredential(new BasicCredentials().withAk(TestProjects.AK_A).withSk(TestProjects.SK_A)
                        .withProjectId(TestProjects.PROJECT_A))
                .withEndpoints(List.of(base))
                .withHttpConfig(HttpConfig.getDefaultHttpConfig())
                .build();
    }
}
