package dev.metastudio.emulator.media.speech;

/** Rewrites {@code <say-as>} content into text the engines pronounce the intended way. */
final class SayAs {

    private SayAs() {
    }

    static String speakable(String kind, String content, boolean chineseReading) {
        String text = content.strip();
        return switch (kind) {
            case "spell" -> spaced(text.replaceAll("\\s+", ""));
            case "phone" -> spaced(text.replaceAll("[^0-9A-Za-z+*#]", ""));
            case "date" -> date(text, chineseReading);
            default -> text;
        };
    }

    /** One character at a time: engines then read letters and digits individually. */
    private static String spaced(String text) {
        StringBuilder sb = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.appendCodePoint(cp);
        });
        return sb.toString();
    }

    private static String date(String text, boolean chineseReading) {
        String[] parts = text.split("[/\\-.]");
        if (parts.length == 3 && chineseReading) {
            return parts[0] + "年" + parts[1] + "月" + parts[2] + "日";
        }
        return String.join(" ", parts);
    }
}
