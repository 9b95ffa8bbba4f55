package dev.metastudio.emulator.storage;

import java.nio.charset.StandardCharsets;

/** The Content-Disposition a download URL asks for, the same on every store. */
public final class DownloadNames {
    private DownloadNames() {
    }

    /**
     * {@code attachment; filename="<ASCII fallback>"; filename*=UTF-8''<RFC 5987>}: browsers and curl use the
     * UTF-8 form, older clients the quoted one. Path separators and control characters never reach the header.
     */
    public static String contentDisposition(String downloadName) {
        String name = clean(downloadName);
        StringBuilder ascii = new StringBuilder();
        for (char c : name.toCharArray()) {
            ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != ';' ? c : '_');
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + rfc5987(name);
    }

    private static String clean(String downloadName) {
        StringBuilder out = new StringBuilder();
        downloadName.codePoints().forEach(c -> {
            if (c == '/' || c == '\\') {
                out.append('_');
            } else if (c >= 0x20 && c != 0x7f) {
                out.appendCodePoint(c);
            }
        });
        String cleaned = out.toString().trim();
        return cleaned.isEmpty() ? "download" : cleaned;
    }

    private static String rfc5987(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
