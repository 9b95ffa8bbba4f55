package dev.metastudio.emulator.config;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * An acknowledged write on the embedded H2 database survives kill -9. H2 (MVStore) keeps commits in memory and writes
 * them to its file from a background thread up to {@code WRITE_DELAY} (500 ms) later, so a killed process loses the
 * writes of its last half second although they were answered. Here every commit is followed by {@code CHECKPOINT},
 * which writes the store to the file before the caller continues (the OS then holds it, whatever happens to the
 * process). The background thread keeps doing H2's housekeeping, which {@code WRITE_DELAY=0}, the other way to get
 * synchronous commits, switches off, so the file would grow with every commit.
 *
 * <p>Applies to H2 file databases only, while {@code metastudio.h2-sync-commits} is true (the default); the cost is
 * measured by {@code bench/writes.sh}. A statement run in auto-commit mode is checkpointed after it ran.
 */
@Component
class H2Durability implements BeanPostProcessor, EnvironmentAware {
    static final String SETTING = "metastudio.h2-sync-commits";
    private static final Logger LOG = LoggerFactory.getLogger(H2Durability.class);
    private static final Set<String> WRITES = Set.of("execute", "executeUpdate", "executeLargeUpdate",
            "executeBatch", "executeLargeBatch");

    private boolean enabled = true;

    @Override
    public void setEnvironment(Environment environment) {
        enabled = environment.getProperty(SETTING, Boolean.class, true);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (enabled && bean instanceof DataSource dataSource && !(bean instanceof DurableDataSource)) {
            return new DurableDataSource(dataSource);
        }
        return bean;
    }

    /** Connections to an H2 file database come back checkpointing after each commit; others pass unchanged. */
    static final class DurableDataSource extends DelegatingDataSource {
        private volatile Boolean h2File;
        private final AtomicBoolean refused = new AtomicBoolean();

        DurableDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return durable(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return durable(super.getConnection(username, password));
        }

        private Connection durable(Connection connection) throws SQLException {
            if (h2File == null) {
                String url = connection.getMetaData().getURL().toLowerCase(Locale.ROOT);
                h2File = url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:");
                if (h2File) {
                    LOG.info("H2 commits are written to the database file before they are acknowledged ({}=true)",
                            SETTING);
                }
            }
            if (!h2File || refused.get()) {
                return connection;
            }
            return (Connection) Proxy.newProxyInstance(H2Durability.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, new CheckpointingConnection(connection, refused));
        }
    }

    /**
     * Checkpoints only what wrote: a statement that can write marks the connection, and the commit (or the switch
     * back to auto-commit) of a marked connection checkpoints. A read-only transaction's commit has nothing to write,
     * so a read costs no file write (it did, twice, before: measured by bench/api.sh).
     */
    private static final class CheckpointingConnection implements InvocationHandler {
        private final Connection target;
        private final AtomicBoolean refused;
        private final AtomicBoolean wrote = new AtomicBoolean();

        CheckpointingConnection(Connection target, AtomicBoolean refused) {
            this.target = target;
            this.refused = refused;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            Object result = call(target, method, args);
            String name = method.getName();
            if (name.equals("commit") || (name.equals("setAutoCommit") && Boolean.TRUE.equals(args[0]))) {
                if (wrote.getAndSet(false)) {
                    checkpoint(target, refused);
                }
            } else if (result instanceof Statement statement) {
                return Proxy.newProxyInstance(H2Durability.class.getClassLoader(), interfacesOf(statement),
                        new CheckpointingStatement(statement, target, refused, wrote));
            } else if (name.equals("unwrap") && args[0] == Connection.class) {
                return proxy;
            }
            return result;
        }
    }

    private record CheckpointingStatement(Statement target, Connection connection, AtomicBoolean refused,
                                          AtomicBoolean wrote) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            Object result = call(target, method, args);
            if (WRITES.contains(method.getName())) {
                if (connection.getAutoCommit()) {
                    checkpoint(connection, refused);
                } else {
                    wrote.set(true);
                }
            }
            return result;
        }
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void checkpoint(Connection connection, AtomicBoolean refused) {
        if (refused.get()) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT");
        } catch (SQLException e) {
            // CHECKPOINT needs an admin user; without one the database runs as H2 configures it.
            if (refused.compareAndSet(false, true)) {
                LOG.warn("CHECKPOINT refused ({}): H2 commits are written up to WRITE_DELAY later and can be lost"
                        + " on a crash", e.getMessage());
            }
        }
    }

    private static Class<?>[] interfacesOf(Statement statement) {
        if (statement instanceof java.sql.CallableStatement) {
            return new Class<?>[] {java.sql.CallableStatement.class};
        }
        if (statement instanceof java.sql.PreparedStatement) {
            return new Class<?>[] {java.sql.PreparedStatement.class};
        }
        return new Class<?>[] {Statement.class};
    }
}
