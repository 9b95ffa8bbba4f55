package dev.metastudio.emulator.work;

import dev.metastudio.emulator.config.EmulatorProperties;
import dev.metastudio.emulator.config.LocalWrites;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The work queue wired by hand on a real database with the real migrations (no Spring context, so a seam test
 * takes milliseconds): the queue, a node's worker pool, and test kinds whose runners and hooks the test writes.
 */
final class WorkHarness implements AutoCloseable {
    final JdbcTemplate jdbc;
    final WorkQueue queue;
    final WorkEngine engine;
    final WorkerPool pool;
    final StaticListableBeanFactory beans = new StaticListableBeanFactory();
    /** Counts the read-write transactions committed through this node's transaction manager, as in the server. */
    final LocalWrites writes = new LocalWrites();
    private final WorkKinds kinds;

    /** A kind whose runner is the test's, and whose hooks record what the queue asked of it. */
    static final class TestKind implements WorkKind {
        final String name;
        volatile WorkRunner runner = (item, context) -> { };
        final List<String> requeued = new CopyOnWriteArrayList<>();
        final Map<String, String> failed = new ConcurrentHashMap<>();
        /** {@link WorkKind#resumesAfterLeaseLoss}. */
        volatile boolean resumes = true;

        TestKind(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public WorkRunner runner() {
            return (item, context) -> runner.run(item, context);
        }

        @Override
        public String initialState() {
            return "WAITING";
        }

        @Override
        public String startedState() {
            return "PROCESSING";
        }

        @Override
        public String failedState() {
            return "FAILED";
        }

        @Override
        public boolean terminal(String state) {
            return state.equals("SUCCEED") || state.equals("FAILED") || state.equals("CANCELED");
        }

        @Override
        public String internalErrorCode() {
            return "MSS." + name + ".INTERNAL";
        }

        @Override
        public void requeued(WorkItem item) {
            requeued.add(item.subjectId());
        }

        @Override
        public void failed(WorkItem item, String code, String message) {
            failed.put(item.subjectId(), code + " " + message);
        }

        @Override
        public boolean resumesAfterLeaseLoss() {
            return resumes;
        }
    }

    final String url;
    private final String user;
    private final String password;

    static WorkHarness h2(String claimedKinds, WorkKind... kinds) {
        String url = "jdbc:h2:mem:work-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        return new WorkHarness(url, "sa", "", "node-1", claimedKinds, kinds);
    }

    /** Another node on the same database: its own pool, wake-ups and node id. */
    WorkHarness node(String nodeId, String claimedKinds, WorkKind... kinds) {
        return new WorkHarness(url, user, password, nodeId, claimedKinds, kinds);
    }

    WorkHarness(String url, String user, String password, String nodeId, String claimedKinds, WorkKind... kindBeans) {
        this.url = url;
        this.user = user;
        this.password = password;
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load().migrate();
        DriverManagerDataSource data = new DriverManagerDataSource(url, user, password);
        jdbc = new JdbcTemplate(data);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(data);
        transactions.addListener(writes);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        for (WorkKind kind : kindBeans) {
            beans.addBean(kind.name(), kind);
        }
        kinds = new WorkKinds(beans.getBeanProvider(WorkKind.class), beans.getBeanProvider(ProgressionPolicy.class),
                beans.getBeanProvider(WorkFaults.class));
        WorkerProperties properties = new WorkerProperties(2, "cpu", Duration.ofSeconds(3), 2,
                Duration.ofMillis(200), nodeId, 20, 20, Duration.ofMillis(250), claimedKinds);
        LocalWakeups wakeups = new LocalWakeups();
        WorkRows rows = new WorkRows(jdbc);
        engine = new WorkEngine(rows, kinds, tx, Clock.systemUTC(), properties, wakeups);
        queue = new WorkQueue(rows, engine, kinds, tx, Clock.systemUTC(), wakeups);
        pool = new WorkerPool(engine, kinds, properties, new EmulatorProperties(Path.of("target"), null, null, null,
                null, null, "both", null), wakeups);
    }

    void policy(ProgressionPolicy policy) {
        beans.addBean("policy", policy);
    }

    void faults(WorkFaults faults) {
        beans.addBean("faults", faults);
    }

    WorkHarness start() {
        pool.startWorkers();
        return this;
    }

    WorkItem submit(String kind, String subjectId) {
        return queue.submit(kind, "project-1", subjectId, "cpu");
    }

    WorkItem item(String kind, String subjectId) {
        return queue.item(kind, subjectId).orElseThrow();
    }

    /** Polls until the item is in the queue state, or fails after a few seconds. */
    WorkItem await(String kind, String subjectId, QueueState state) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            WorkItem item = item(kind, subjectId);
            if (item.queueState() == state) {
                return item;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(subjectId + " is " + item.queueState() + "/" + item.jobState() + ", not "
                        + state);
            }
            Thread.sleep(10);
        }
    }

    @Override
    public void close() {
        pool.stop();
    }
}
