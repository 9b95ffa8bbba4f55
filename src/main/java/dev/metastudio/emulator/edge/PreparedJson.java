package dev.metastudio.emulator.edge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A view written once with the API's own object mapper, for answers a cache serves again and again: writing the JSON
 * was a third of a cached GET's CPU (issue 15). The bytes are exactly what the JSON converter would have sent.
 */
public final class PreparedJson {
    private final byte[] bytes;

    private PreparedJson(byte[] bytes) {
        this.bytes = bytes;
    }

    public static PreparedJson of(ObjectMapper mapper, Object view) {
        try {
            return new PreparedJson(mapper.writeValueAsBytes(view));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a view could not be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** 200 with the JSON; the array is shared by every answer, and nothing writes to it. */
    public ResponseEntity<byte[]> ok() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(bytes);
    }
}
