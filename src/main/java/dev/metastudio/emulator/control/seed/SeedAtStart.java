package dev.metastudio.emulator.control.seed;

import dev.metastudio.emulator.config.EmulatorProperties;
import dev.metastudio.emulator.config.ReadinessCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Reads the seed folder at start, after the system library is in place and before the node reports ready, on
 * nodes that serve the API. A seed that cannot be applied does not stop the node, but keeps its readiness DOWN with the reason, so a
 * CI job waiting for readiness sees the mistake instead of testing against missing data.
 */
@Component
@Order(10)
class SeedAtStart implements ApplicationRunner, ReadinessCheck {
    private static final Logger LOG = LoggerFactory.getLogger(SeedAtStart.class);

    private final SeedLoader loader;
    private final boolean servesApi;
    private volatile String problem;

    SeedAtStart(SeedLoader loader, EmulatorProperties properties) {
        this.loader = loader;
        this.servesApi = properties.servesApi();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!loader.configured() || !servesApi) {
            return;
        }
        try {
            loader.load();
        } catch (RuntimeException e) {
            problem = e.getMessage();
            LOG.error("Seed folder {} not applied: {}", loader.dir(), e.getMessage());
        }
    }

    @Override
    public String name() {
        return "seed";
    }

    @Override
    public void check() {
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
    }
}
