package dev.metastudio.emulator.control.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The error code a failed answer carried: JSON envelopes ({@code error_code}) and OBS-style XML ({@code <Code>}). */
final class ErrorCodeReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern XML_CODE = Pattern.compile("<Code>([^<]{1,128})</Code>");

    private ErrorCodeReader() {
    }

    static String read(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        byte first = firstNonBlank(body);
        if (first == '{') {
            try {
                JsonNode code = JSON.readTree(body).get("error_code");
                return code != null && code.isTextual() ? code.asText() : null;
            } catch (IOException e) {
                return null;
            }
        }
        if (first == '<') {
            Matcher m = XML_CODE.matcher(new String(body, StandardCharsets.UTF_8));
            return m.find() ? m.group(1) : null;
        }
        return null;
    }

    private static byte firstNonBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return b;
            }
        }
        return 0;
    }
}
