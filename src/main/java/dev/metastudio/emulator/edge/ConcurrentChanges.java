package dev.metastudio.emulator.edge;

import java.sql.SQLException;

/** Telling a lost race on a unique key apart from a real integrity bug (a value too long, a missing reference). */
final class ConcurrentChanges {
    /** SQL:2003 {@code unique_violation}, reported alike by PostgreSQL and H2. */
    private static final String UNIQUE_VIOLATION = "23505";

    private ConcurrentChanges() {
    }

    static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
