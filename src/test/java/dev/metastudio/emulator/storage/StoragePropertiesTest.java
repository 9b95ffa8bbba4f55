package dev.metastudio.emulator.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The configuration keys bind from environment variables as README names them, with the documented defaults. */
class StoragePropertiesTest {

    @Test
    void defaultsAreTheFilesystemAndTheDocumented24Hours() {
        StorageProperties properties = bind(Map.of());
        assertThat(properties.type()).isEqualTo("filesystem");
        assertThat(properties.uploadUrlValidity()).isEqualTo(Duration.ofHours(24));
        assertThat(properties.downloadUrlValidity()).isEqualTo(Duration.ofHours(24));
        assertThat(properties.s3().region()).isEqualTo("us-east-1");
        assertThat(properties.s3().pathStyle()).isTrue();
    }

    @Test
    void everyKeyIsSettableByEnvironmentVariable() {
        StorageProperties properties = bind(Map.of(
                "METASTUDIO_STORAGE_TYPE", "S3",
                "METASTUDIO_STORAGE_UPLOAD_URL_VALIDITY", "2h",
                "METASTUDIO_STORAGE_DOWNLOAD_URL_VALIDITY", "90m",
                "METASTUDIO_STORAGE_S3_ENDPOINT", "http://minio:9000",
                "METASTUDIO_STORAGE_S3_REGION", "eu-west-1",
                "METASTUDIO_STORAGE_S3_BUCKET", "objects",
                "METASTUDIO_STORAGE_S3_ACCESS_KEY", "ak",
                "METASTUDIO_STORAGE_S3_SECRET_KEY", "sk",
                "METASTUDIO_STORAGE_S3_PATH_STYLE", "false"));
        assertThat(properties.type()).isEqualTo("s3");
        assertThat(properties.uploadUrlValidity()).isEqualTo(Duration.ofHours(2));
        assertThat(properties.downloadUrlValidity()).isEqualTo(Duration.ofMinutes(90));
        assertThat(properties.s3()).isEqualTo(
                new StorageProperties.S3("http://minio:9000", "eu-west-1", "objects", "ak", "sk", false));
        properties.s3().requireComplete();
    }

    @Test
    void mistakesAreReportedByName() {
        assertThatThrownBy(() -> bind(Map.of("METASTUDIO_STORAGE_TYPE", "ftp")))
                .hasStackTraceContaining("metastudio.storage.type must be 'filesystem' or 's3'");
        assertThatThrownBy(() -> bind(Map.of("METASTUDIO_STORAGE_UPLOAD_URL_VALIDITY", "0s")))
                .hasStackTraceContaining("upload-url-validity must be positive");
        assertThatThrownBy(() -> bind(Map.of("METASTUDIO_STORAGE_TYPE", "s3")).s3().requireComplete())
                .hasMessageContaining("METASTUDIO_STORAGE_S3_BUCKET").hasMessageContaining("ACCESS_KEY");
    }

    private static StorageProperties bind(Map<String, Object> environment) {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
        return new Binder(ConfigurationPropertySources.from(sources))
                .bindOrCreate("metastudio.storage", StorageProperties.class);
    }
}
