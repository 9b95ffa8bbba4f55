package dev.metastudio.emulator.live.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The HLS preview of a live job, {@code /_emulator/live/{job_id}/index.m3u8} and its segments, without credentials
 * (for the console and a user's player): served while the job streams and for a grace time after it ends.
 */
@RestController
@RequestMapping("/_emulator/live/{job_id}")
class LiveHlsController {
    private static final Pattern FILE = Pattern.compile("index\\.m3u8|segment\\d{1,9}\\.ts");

    private final LiveStreams streams;

    LiveHlsController(LiveStreams streams) {
        this.streams = streams;
    }

    @GetMapping("/{file}")
    ResponseEntity<byte[]> file(@PathVariable("job_id") String jobId, @PathVariable("file") String file)
            throws IOException {
        if (!FILE.matcher(file).matches()) {
            return notFound();
        }
        Path folder = streams.existing(jobId).orElse(null);
        Path path = folder == null ? null : folder.resolve(file);
        if (path == null || !Files.isRegularFile(path)) {
            return notFound();
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            return notFound();
        }
        boolean playlist = file.endsWith(".m3u8");
        return ResponseEntity.ok().cacheControl(playlist ? CacheControl.noStore() : CacheControl.noCache())
                .contentType(MediaType.parseMediaType(playlist ? "application/vnd.apple.mpegurl" : "video/mp2t"))
                .body(bytes);
    }

    private static ResponseEntity<byte[]> notFound() {
        return ResponseEntity.status(404).contentType(MediaType.APPLICATION_JSON)
                .body("{\"error_code\":\"MSS.00000002\",\"error_msg\":\"Not Found: no live HLS stream here\"}"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
