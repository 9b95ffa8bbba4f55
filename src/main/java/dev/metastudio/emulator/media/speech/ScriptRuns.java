package dev.metastudio.emulator.media.speech;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An espeak-ng utterance cut into what one voice can read. For a Chinese voice: Han text (and digits and punctuation
 * around it) to the Chinese voice, Latin words to the English voice of the same variant, pinyin of a
 * {@code <phoneme>} to the Mandarin voice. Other voices read the utterance whole. CMU phones of a {@code <phoneme>}
 * become espeak's phoneme input, which only its English voice understands.
 */
final class ScriptRuns {

    /** @param tonal Mandarin, whose tones are redrawn afterwards */
    record Run(String text, String voice, boolean tonal) {
        boolean phonemeInput() {
            return text.contains("[[");
        }
    }

    private static final Pattern TOKEN = Pattern.compile("zuboka(?:[dk][aeiou])+");

    private ScriptRuns() {
    }

    static List<Run> split(SpeechRequest request) {
        String voice = request.voice();
        int plus = voice.indexOf('+');
        String base = plus < 0 ? voice : voice.substring(0, plus);
        String variant = plus < 0 ? "" : voice.substring(plus);
        boolean mandarin = base.startsWith("cmn");
        boolean chinese = mandarin || base.startsWith("yue");
        String english = "en-us" + variant;
        List<Run> runs = new ArrayList<>();
        Matcher m = TOKEN.matcher(request.text());
        int at = 0;
        while (m.find()) {
            text(request.text().substring(at, m.start()), chinese, voice, english, mandarin, runs);
            Pronunciation p = find(request, m.group());
            if (p == null) {
                text(m.group(), chinese, voice, english, mandarin, runs);
            } else if (mandarin && p.kind() == Pronunciation.Kind.PINYIN) {
                add(runs, new Run(" " + String.join(" ", p.pinyin()) + " ", voice, true));
            } else if (p.kind() == Pronunciation.Kind.ARPABET && (chinese || base.startsWith("en"))) {
                add(runs, new Run(" " + EspeakPhonemes.fromArpabet(p.arpabet()) + " ", chinese ? english : voice,
                        false));
            } else {
                text(p.shown(), chinese, voice, english, mandarin, runs);
            }
            at = m.end();
        }
        text(request.text().substring(at), chinese, voice, english, mandarin, runs);
        runs.removeIf(r -> r.text().isBlank());
        return runs.isEmpty() ? List.of(new Run(request.shownText(), voice, false)) : runs;
    }

    private static Pronunciation find(SpeechRequest request, String token) {
        return request.pronunciations().stream().filter(p -> p.token().equals(token)).findFirst().orElse(null);
    }

    /** Plain text: "[[" of the writer's own is never phoneme input. */
    private static void text(String raw, boolean chinese, String voice, String english, boolean mandarin,
                             List<Run> runs) {
        String text = raw.replace("[[", "[ [").replace("]]", "] ]");
        if (!chinese) {
            add(runs, new Run(text, voice, false));
            return;
        }
        StringBuilder current = new StringBuilder();
        Boolean latin = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            boolean letter = cp < 0x80 && Character.isLetter(cp);
            boolean neutral = cp < 0x80 && !letter;
            if (!neutral && latin != null && latin != letter) {
                add(runs, latin ? new Run(current.toString(), english, false)
                        : new Run(current.toString(), voice, mandarin));
                current.setLength(0);
            }
            if (!neutral) {
                latin = letter;
            }
            current.appendCodePoint(cp);
        }
        if (current.length() > 0) {
            boolean isLatin = latin != null && latin;
            add(runs, isLatin ? new Run(current.toString(), english, false)
                    : new Run(current.toString(), voice, mandarin));
        }
    }

    private static void add(List<Run> runs, Run run) {
        if (!runs.isEmpty()) {
            Run last = runs.get(runs.size() - 1);
            if (last.voice().equals(run.voice())) {
                runs.set(runs.size() - 1, new Run(last.text() + run.text(), last.voice(), last.tonal()));
                return;
            }
            if (run.text().isBlank()) {
                runs.set(runs.size() - 1, new Run(last.text() + run.text(), last.voice(), last.tonal()));
                return;
            }
        }
        runs.add(run);
    }
}
