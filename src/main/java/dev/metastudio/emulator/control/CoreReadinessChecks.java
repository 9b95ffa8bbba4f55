package dev.metastudio.emulator.control;

import dev.metastudio.emulator.config.EmulatorProperties;
import dev.metastudio.emulator.config.ReadinessCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration
class CoreReadinessChecks {

    /** The database answers and Flyway's migrations have run (the newest table exists). */
    @Bean
    ReadinessCheck databaseCheck(JdbcTemplate jdbc) {
        return new ReadinessCheck() {
            @Override
            public String name() {
                return "database";
            }

            @Override
            public void check() {
                jdbc.queryForObject("SELECT COUNT(*) FROM server_secret", Integer.class);
            }
        };
    }

    /** The data folder takes writes. */
    @Bean
    ReadinessCheck dataDirCheck(EmulatorProperties properties) {
        return new ReadinessCheck() {
            @Override
            public String name() {
                return "data_dir";
            }

            @Override
            public void check() throws Exception {
                Path dir = Files.createDirectories(properties.dataDir());
                Path probe = Files.createTempFile(dir, ".ready", ".probe");
                Files.delete(probe);
            }
        };
    }
}
