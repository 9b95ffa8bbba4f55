package dev.metastudio.emulator.control;

import dev.metastudio.emulator.config.ReadinessCheck;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Liveness and readiness for orchestrators and tests, under the reserved {@code /_emulator/} prefix. */
@RestController
@RequestMapping("/_emulator/health")
class HealthController {
    private final List<ReadinessCheck> checks;
    private final Instant started = Instant.now();
    private final AtomicReference<Instant> readySince = new AtomicReference<>();

    HealthController(List<ReadinessCheck> checks) {
        this.checks = checks;
    }

    @EventListener(ApplicationReadyEvent.class)
    void applicationReady() {
        readySince.set(Instant.now());
    }

    /** 200 once migrated, storage writable and start-up complete; 503 with the failing checks otherwise. */
    @GetMapping
    ResponseEntity<Map<String, Object>> readiness() {
        Map<String, Object> results = new LinkedHashMap<>();
        boolean ready = readySince.get() != null;
        results.put("startup", ready ? "UP" : "DOWN: still starting");
        for (ReadinessCheck check : checks) {
            try {
                check.check();
                results.put(check.name(), "UP");
            } catch (Exception e) {
                ready = false;
                results.put(check.name(), "DOWN: " + e.getMessage());
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", ready ? "UP" : "DOWN");
        body.put("checks", results);
        body.put("uptime_seconds", Duration.between(started, Instant.now()).toSeconds());
        return ResponseEntity.status(ready ? 200 : 503).body(body);
    }

    @GetMapping("/live")
    Map<String, Object> liveness() {
        return Map.of("status", "UP");
    }
}
