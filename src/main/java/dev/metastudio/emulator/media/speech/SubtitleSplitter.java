package dev.metastudio.emulator.media.speech;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one spoken sentence into subtitle cues.
 *
 * <p>Where: at the punctuation marks the service overview names for subtitles ("Punctuation marks (such as
 * ,;:!?...) in subtitles", service overview L465), their CJK forms and full stops; a clause still wider than a
 * subtitle line is cut at word (or CJK character) boundaries into pieces of about equal width, so no word is left
 * alone at the end. The punctuation stays in the text (issue 13; see {@link SubtitleText}).
 *
 * <p>How long: each piece gets the sentence's time in proportion to its width; a piece shorter than
 * {@link #MIN_CUE_SECONDS} is merged with its shorter neighbour until none is, so a cue is never shorter than about a
 * second unless the whole sentence is.
 */
public final class SubtitleSplitter {

    /** Wider than this (CJK characters count double), a clause becomes several cues. */
    static final int MAX_CUE_WIDTH = 44;
    /** Shorter than this, a cue is merged with a neighbour ("never a chunk shorter than about 1 s", issue 13). */
    static final double MIN_CUE_SECONDS = 1.0;

    private SubtitleSplitter() {
    }

    /** A piece of the text: [from, to) in the sentence. */
    private record Span(int from, int to) {
    }

    public static List<Cue> split(double start, double end, String sentence) {
        String text = SubtitleText.clean(sentence);
        if (text.isEmpty()) {
            return List.of();
        }
        List<Span> spans = new ArrayList<>();
        for (Span clause : clauses(text)) {
            spans.addAll(balancedPieces(text, clause));
        }
        List<Double> durations = new ArrayList<>();
        int total = spans.stream().mapToInt(s -> width(text, s)).sum();
        for (Span s : spans) {
            durations.add((end - start) * width(text, s) / Math.max(1, total));
        }
        mergeShortCues(spans, durations);
        List<Cue> cues = new ArrayList<>();
        double t = start;
        for (int i = 0; i < spans.size(); i++) {
            double to = i == spans.size() - 1 ? end : t + durations.get(i);
            cues.add(new Cue(t, to, text.substring(spans.get(i).from(), spans.get(i).to()).strip()));
            t = to;
        }
        return cues;
    }

    /** Clauses end after a splitting mark (and any closing quotes or brackets right after it). */
    private static List<Span> clauses(String text) {
        List<Span> clauses = new ArrayList<>();
        int from = 0;
        int i = 0;
        while (i < text.length()) {
            if (SubtitleText.isSplittingMark(text, i)) {
                int j = i + 1;
                while (j < text.length() && (SubtitleText.isSplittingMark(text, j) || isClosing(text.charAt(j)))) {
                    j++;
                }
                addIfNotBlank(clauses, text, from, j);
                from = j;
                i = j;
            } else {
                i++;
            }
        }
        addIfNotBlank(clauses, text, from, text.length());
        return clauses;
    }

    private static void addIfNotBlank(List<Span> spans, String text, int from, int to) {
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        if (from < to) {
            spans.add(new Span(from, to));
        }
    }

    private static boolean isClosing(char c) {
        return "\"'”’)）」』】》".indexOf(c) >= 0;
    }

    /** A clause wider than a line, cut into n pieces of about width/n at token boundaries. */
    private static List<Span> balancedPieces(String text, Span clause) {
        int width = width(text, clause);
        int pieces = (width + MAX_CUE_WIDTH - 1) / MAX_CUE_WIDTH;
        if (pieces <= 1) {
            return List.of(clause);
        }
        double target = (double) width / pieces;
        List<Span> out = new ArrayList<>();
        int from = clause.from();
        int previous = from;
        for (int at : tokenEnds(text, clause)) {
            if (out.size() == pieces - 1) {
                break;
            }
            double goal = target * (out.size() + 1);
            int reached = width(text, new Span(clause.from(), at));
            if (reached >= goal) {
                // Cut at whichever token boundary lies nearer to the ideal point.
                int before = width(text, new Span(clause.from(), previous));
                int cut = previous > from && goal - before < reached - goal ? previous : at;
                out.add(new Span(from, cut));
                from = cut;
            }
            previous = at;
        }
        addIfNotBlank(out, text, from, clause.to());
        return out;
    }

    /** The end index of every word (with its trailing space) and of every CJK character. */
    private static List<Integer> tokenEnds(String text, Span clause) {
        List<Integer> ends = new ArrayList<>();
        int i = clause.from();
        while (i < clause.to()) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isWide(cp) || cp == ' ') {
                ends.add(i);
            }
        }
        if (ends.isEmpty() || ends.get(ends.size() - 1) != clause.to()) {
            ends.add(clause.to());
        }
        return ends;
    }

    /** Merges the shortest cue under the minimum into its shorter neighbour until every cue is long enough. */
    private static void mergeShortCues(List<Span> spans, List<Double> durations) {
        while (spans.size() > 1) {
            int shortest = 0;
            for (int i = 1; i < durations.size(); i++) {
                if (durations.get(i) < durations.get(shortest)) {
                    shortest = i;
                }
            }
            if (durations.get(shortest) >= MIN_CUE_SECONDS) {
                return;
            }
            int other;
            if (shortest == 0) {
                other = 1;
            } else if (shortest == spans.size() - 1) {
                other = shortest - 1;
            } else {
                other = durations.get(shortest - 1) <= durations.get(shortest + 1) ? shortest - 1 : shortest + 1;
            }
            int a = Math.min(shortest, other);
            spans.set(a, new Span(spans.get(a).from(), spans.get(a + 1).to()));
            durations.set(a, durations.get(a) + durations.get(a + 1));
            spans.remove(a + 1);
            durations.remove(a + 1);
        }
    }

    private static int width(String text, Span s) {
        return SpeechSynthesizer.displayWidth(text.substring(s.from(), s.to()).strip());
    }

    private static boolean isWide(int cp) {
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.HANGUL;
    }
}
