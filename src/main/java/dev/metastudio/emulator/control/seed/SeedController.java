package dev.metastudio.emulator.control.seed;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /_emulator/seed}: reads the seed folder again (after a reset, say); only what is missing is created. */
@RestController
class SeedController {
    private final SeedLoader loader;

    SeedController(SeedLoader loader) {
        this.loader = loader;
    }

    @PostMapping("/_emulator/seed")
    Map<String, Object> seed() {
        SeedLoader.Report report = loader.load();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("seed_dir", loader.dir().toString());
        body.put("files", report.files());
        body.put("created", report.created());
        body.put("skipped", report.skipped());
        return body;
    }
}
