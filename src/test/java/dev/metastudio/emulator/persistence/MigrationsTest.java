package dev.metastudio.emulator.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metastudio.emulator.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;

/** The same migrations, from the jar's classpath, apply cleanly on H2 (PostgreSQL mode) and on PostgreSQL. */
class MigrationsTest {

    @Test
    void allMigrationsApplyOnPostgresql() {
        TestDatabase.Target db = TestDatabase.freshSchema();
        assertAllApplied(Flyway.configure().dataSource(db.url(), db.username(), db.password())
                .locations("classpath:db/migration").load());
    }

    @Test
    void allMigrationsApplyOnH2() throws Exception {
        Path dir = Files.createTempDirectory("msemu-h2");
        String url = "jdbc:h2:file:" + dir.resolve("db") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        assertAllApplied(Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load());
    }

    private static void assertAllApplied(Flyway flyway) {
        int pending = flyway.info().pending().length;
        assertThat(pending).isGreaterThan(0);
        assertThat(flyway.migrate().migrationsExecuted).isEqualTo(pending);
        for (MigrationInfo info : flyway.info().all()) {
            assertThat(info.getState()).as(info.getScript()).isEqualTo(MigrationState.SUCCESS);
        }
        assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
    }
}
