package dev.metastudio.emulator.config;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The build's class-data-sharing training start (pom: cds-training-run) runs with
 * {@code metastudio.class-data-training=true}: once ready it sends a few requests to itself and exits, so the archive
 * also holds the classes of the runners and of serving a request, not only those of the context refresh. Read at run
 * time (not a condition) because the AOT bean set is fixed at build time.
 */
@Component
class ClassDataTrainingRun {
    private static final Logger LOG = LoggerFactory.getLogger(ClassDataTrainingRun.class);
    private static final String[] PATHS = {
        "/_emulator/health", "/v1/0000000000000000000000000000000a/digital-assets?limit=1", "/_emulator/console/index.html",
    };

    private final Environment environment;

    ClassDataTrainingRun(Environment environment) {
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void trainAndExit(ApplicationReadyEvent event) {
        if (!environment.getProperty("metastudio.class-data-training", Boolean.class, false)) {
            return;
        }
        ConfigurableApplicationContext context = event.getApplicationContext();
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (String path : PATHS) {
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.discarding());
                LOG.info("Training request {} -> {}", path, response.statusCode());
            } catch (Exception e) {
                LOG.warn("Training request {} failed: {}", path, e.toString());
            }
        }
        System.exit(SpringApplication.exit(context));
    }
}
