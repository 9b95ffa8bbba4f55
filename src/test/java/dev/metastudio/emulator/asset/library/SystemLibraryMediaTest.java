package dev.metastudio.emulator.asset.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The system library's media are drawn at build time (issue 13: seeding took 10.9 s of a first start) and must be
 * exactly what the writers draw: a build step that did not run, or ran on older code, fails here.
 */
class SystemLibraryMediaTest {

    @TempDir
    Path dir;

    @Test
    void everyShippedFileIsWhatItsWriterDrawsNow() throws Exception {
        int files = 0;
        for (SystemAssetSource source : SystemLibraryMedia.sourcesWithFiles()) {
            for (SystemAssetSource.Seed seed : source.seeds("ap-southeast-3")) {
                for (SystemAssetSource.SeedFile file : seed.files()) {
                    String name = SystemLibraryMedia.resourceName(seed, file);
                    byte[] shipped;
                    try (InputStream in = getClass().getClassLoader().getResourceAsStream(name)) {
                        assertThat(in).as(name + " is missing: the build (exec-maven-plugin, process-classes) draws it")
                                .isNotNull();
                        shipped = in.readAllBytes();
                    }
                    Path drawn = dir.resolve(files + "-" + file.fileName());
                    file.writer().write(drawn);
                    assertThat(shipped).as(name).isEqualTo(Files.readAllBytes(drawn));
                    files++;
                }
            }
        }
        // 8 presenter covers, 6 backgrounds, 2 music tracks (README: the system library).
        assertThat(files).isEqualTo(16);
    }
}
