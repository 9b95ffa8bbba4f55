package dev.metastudio.emulator.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.metastudio.v1.MetaStudioClient;
import com.huaweicloud.sdk.metastudio.v1.model.CreateDigitalAssetRequestBody.AssetTypeEnum;
import com.huaweicloud.sdk.metastudio.v1.model.CreateFileRequest;
import com.huaweicloud.sdk.metastudio.v1.model.FilesCreateReq;
import dev.metastudio.emulator.support.Assets;
import dev.metastudio.emulator.support.JarProcess;
import dev.metastudio.emulator.support.SdkWire;
import dev.metastudio.emulator.support.TestProjects;
import dev.metastudio.emulator.support.Videos;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * kill -9 in the middle of an upload and of a render leaves a staging file and a scratch folder behind; the next
 * start of the node sweeps both away.
 */
class InterruptedWorkIT {

    @Test
    void leftoversOfAKilledServerAreSweptWhenItStartsAgain() throws Exception {
        assertThat(JarProcess.JAR).as("run after `mvn package`").exists();
        Path dataDir = Files.createTempDirectory("msemu-interrupted");
        Path log = Files.createDirectories(Path.of("target", "interrupted-it")).resolve("node.log");
        Path staging = dataDir.resolve("objects-staging");
        Path renders = dataDir.resolve("tmp").resolve("jobs");
        try (JarProcess first = JarProcess.start("first", JarProcess.environment(null, dataDir), log)) {
            first.awaitReady(Duration.ofSeconds(120));
            MetaStudioClient client = client(first);
            String avatar = Videos.systemAvatar(client, "Anna (landscape)");
            Videos.submit(client, Videos.textJob(avatar, "A narration long enough to be killed in. ".repeat(30)));
            String assetId = Assets.create(client, AssetTypeEnum.VIDEO, "interrupted upload");
            URI upload = URI.create(client.createFile(new CreateFileRequest().withBody(new FilesCreateReq()
                    .withAssetId(assetId).withFileName("v.mp4").withFileType("mp4").withFileSize(30L * 1024 * 1024)
                    .withFileMd5(Assets.md5(new byte[30 * 1024 * 1024])).withAssetFileCategory("MAIN"))).getUploadUrl());
            try (Socket socket = new Socket("127.0.0.1", first.port())) {
                OutputStream out = socket.getOutputStream();
                out.write(("PUT " + upload.getRawPath() + "?" + upload.getRawQuery() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-MD5: " + Assets.md5(new byte[30 * 1024 * 1024]) + "\r\n"
                        + "Content-Length: " + 30L * 1024 * 1024 + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(new byte[5 * 1024 * 1024]);
                out.flush();
                awaitEntry(staging, p -> p.getFileName().toString().startsWith("put-"));
                awaitEntry(renders, Files::isDirectory);
                first.kill();
            }
        }
        assertThat(entries(staging)).as("the interrupted upload's staging file").isNotEmpty();
        assertThat(entries(renders)).as("the killed render's scratch folder").isNotEmpty();

        try (JarProcess second = JarProcess.start("second", JarProcess.environment(null, dataDir), log)) {
            second.awaitReady(Duration.ofSeconds(120));
            assertThat(entries(staging)).as("staging after the restart").isEmpty();
            assertThat(entries(renders).stream().filter(p -> !Files.isDirectory(p) || !isFreshJob(p)).toList())
                    .as("render scratch after the restart").isEmpty();
        }
    }

    /** The restarted node may already be rendering the job again (it went back to the queue): that folder is new. */
    private static boolean isFreshJob(Path dir) {
        try {
            return Files.getLastModifiedTime(dir).toInstant().isAfter(Instant.now().minusSeconds(120))
                    && dir.getFileName().toString().contains("-2-");
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static void awaitEntry(Path dir, Predicate<Path> matching) throws Exception {
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            if (entries(dir).stream().anyMatch(matching)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("nothing appeared in " + dir);
    }

    private static List<Path> entries(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.toList();
        }
    }

    private static MetaStudioClient client(JarProcess node) {
        return MetaStudioClient.newBuilder()
                .withCredential(SdkWire.credentials(TestProjects.AK_A, TestProjects.SK_A, TestProjects.PROJECT_A))
                .withEndpoints(List.of(node.baseUrl()))
                .withHttpConfig(HttpConfig.getDefaultHttpConfig().withTimeout(10).withReadTimeout(60))
                .build();
    }
}
