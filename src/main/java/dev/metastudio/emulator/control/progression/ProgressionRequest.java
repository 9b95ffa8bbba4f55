package dev.metastudio.emulator.control.progression;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** {@code PUT /_emulator/progression/{job_kind}}: {@code {"mode": "realtime|immediate|manual", "min_processing_ms": n}}. */
@JsonIgnoreProperties(ignoreUnknown = false)
record ProgressionRequest(String mode, Long minProcessingMs) {
}
