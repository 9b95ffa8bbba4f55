package dev.metastudio.emulator.storage;

import dev.metastudio.emulator.config.EmulatorProperties;
import dev.metastudio.emulator.config.ServerSecrets;
import dev.metastudio.emulator.config.ReadinessCheck;
import dev.metastudio.emulator.edge.CanonicalPath;
import dev.metastudio.emulator.storage.filesystem.FilesystemObjectStore;
import dev.metastudio.emulator.storage.filesystem.ObjectUrlSigner;
import dev.metastudio.emulator.storage.s3.S3ObjectStore;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.filter.OrderedFormContentFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(StorageProperties.class)
class StorageConfig {
    private static final Logger LOG = LoggerFactory.getLogger(StorageConfig.class);
    /** Signing secret shared by every node through the database (see {@link ServerSecrets}). */
    static final String URL_SECRET = "object-url";
    /** SigV4 presigned URLs cannot outlive a week. */
    private static final Duration S3_MAX_VALIDITY = Duration.ofDays(7);

    @Bean
    ObjectStore objectStore(StorageProperties storage, EmulatorProperties emulator, ServerSecrets secrets,
                            Clock clock) {
        if (StorageProperties.S3_TYPE.equals(storage.type())) {
            if (storage.uploadUrlValidity().compareTo(S3_MAX_VALIDITY) > 0
                    || storage.downloadUrlValidity().compareTo(S3_MAX_VALIDITY) > 0) {
                throw new IllegalStateException("S3 presigned URLs are valid for at most 7 days: lower"
                        + " metastudio.storage.upload-url-validity / download-url-validity");
            }
            S3ObjectStore store = S3ObjectStore.connect(storage.s3());
            try {
                store.ensureBucket();
            } catch (RuntimeException e) {
                // The store may start after the emulator (compose); readiness retries and reports it meanwhile.
                LOG.warn("S3 bucket {} not reachable yet: {}", storage.s3().bucket(), e.getMessage());
            }
            LOG.info("Objects are kept in S3 bucket {} at {}", storage.s3().bucket(),
                    storage.s3().endpoint() == null ? "AWS" : storage.s3().endpoint());
            return store;
        }
        Path dataDir = emulator.dataDir();
        LOG.info("Objects are kept under {}", dataDir.resolve("objects").toAbsolutePath().normalize());
        return new FilesystemObjectStore(dataDir, new ObjectUrlSigner(() -> secrets.get(URL_SECRET), clock));
    }

    /** The store takes a write and a delete: proves the folder is writable, or the S3 store reachable. */
    @Bean
    ReadinessCheck storageReadiness(ObjectStore store) {
        return new ReadinessCheck() {
            @Override
            public String name() {
                return "storage";
            }

            @Override
            public void check() throws Exception {
                if (store instanceof S3ObjectStore s3) {
                    s3.ensureBucket();
                }
                String key = "_emulator/readiness/" + UUID.randomUUID() + ".probe";
                Path probe = Files.createTempFile("metastudio-readiness", ".probe");
                try {
                    Files.writeString(probe, "ready");
                    store.put(key, probe, "text/plain");
                    store.delete(key);
                } finally {
                    Files.deleteIfExists(probe);
                }
            }
        };
    }

    /**
     * Spring's form filter reads a whole PUT body into memory when its Content-Type is form-urlencoded (as
     * {@code curl --data-binary} sends); object uploads of any type must stream, so it skips {@code /_objects/}.
     */
    @Bean
    OrderedFormContentFilter formContentFilter() {
        return new OrderedFormContentFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return CanonicalPath.of(request).isUnder(CanonicalPath.OBJECTS);
            }
        };
    }
}
