package dev.metastudio.emulator.media.speech;

import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.MediaException.Reason;
import dev.metastudio.emulator.media.speech.SpeechScript.Pause;
import dev.metastudio.emulator.media.speech.SpeechScript.Piece;
import dev.metastudio.emulator.media.speech.SpeechScript.Sentence;
import dev.metastudio.emulator.media.speech.SpeechScript.Utterance;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads MetaStudio's SSML subset (reference §11.7): {@code <speak>} holding text and {@code <break>},
 * {@code <phoneme>}, {@code <say-as>}, {@code <sub>}, {@code <prosody rate>} and {@code <word>}, none of which may
 * contain another tag. Anything outside that is refused with {@link Reason#BAD_SSML} naming the problem, so a typo never
 * turns into spoken markup. Plain text (not starting with {@code <speak}) is taken as is.
 */
public final class SsmlParser {

    private static final Set<String> SAY_AS = Set.of("number", "date", "figure", "phone", "english", "spell");
    private static final Pattern TIME = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*(ms|s)?\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern RATE = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*%?\\s*");

    private SsmlParser() {
    }

    public static boolean isSsml(String text) {
        return text.stripLeading().startsWith("<speak");
    }

    /**
     * @param chineseReading whether dates are read the Chinese way (年月日), decided by the voice's language
     */
    public static SpeechScript parse(String text, boolean chineseReading) throws MediaException {
        if (text == null || text.isBlank()) {
            throw new MediaException(Reason.INVALID_INPUT, "no text to speak");
        }
        Builder builder = new Builder();
        if (isSsml(text)) {
            Element root = parseXml(text).getDocumentElement();
            if (!root.getTagName().equals("speak")) {
                throw bad("the root element must be <speak>, not <" + root.getTagName() + ">");
            }
            walkSpeak(root, builder, chineseReading);
        } else {
            builder.plain(text, 1.0);
        }
        SpeechScript script = builder.finish();
        if (script.sentences().stream().noneMatch(s -> s.pieces().stream().anyMatch(p -> p instanceof Utterance))) {
            throw new MediaException(text.contains("<") ? Reason.BAD_SSML : Reason.INVALID_INPUT,
                    "the text contains nothing to speak");
        }
        return script;
    }

    private static Document parseXml(String text) throws MediaException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setNamespaceAware(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new DefaultHandler());
            return b.parse(new InputSource(new StringReader(text)));
        } catch (SAXParseException e) {
            throw bad("malformed SSML at line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": "
                    + e.getMessage(), e);
        } catch (org.xml.sax.SAXException | IOException e) {
            throw bad("malformed SSML: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new MediaException(Reason.INTERNAL, "XML parser unavailable", e);
        }
    }

    private static void walkSpeak(Element speak, Builder builder, boolean chineseReading) throws MediaException {
        for (Node n = speak.getFirstChild(); n != null; n = n.getNextSibling()) {
            switch (n.getNodeType()) {
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> builder.plain(n.getNodeValue(), 1.0);
                case Node.COMMENT_NODE, Node.PROCESSING_INSTRUCTION_NODE -> {
                }
                case Node.ELEMENT_NODE -> element((Element) n, builder, chineseReading);
                default -> throw bad("unexpected content in <speak>: " + n.getNodeName());
            }
        }
    }

    private static void element(Element e, Builder builder, boolean chineseReading) throws MediaException {
        String tag = e.getTagName();
        switch (tag) {
            case "break" -> {
                requireEmpty(e);
                builder.pause(breakMillis(e));
            }
            case "prosody" -> builder.plain(textOnly(e), rate(e));
            case "word" -> builder.plainAtom(textOnly(e), textOnly(e));
            case "phoneme" -> builder.phoneme(textOnly(e), requireAttribute(e, "ph"));
            case "sub" -> builder.plainAtom(requireAttribute(e, "alias"), textOnly(e));
            case "say-as" -> {
                String kind = requireAttribute(e, "interpret-as").toLowerCase(Locale.ROOT);
                if (!SAY_AS.contains(kind)) {
                    throw bad("<say-as interpret-as=\"" + kind + "\"> is not one of " + SAY_AS);
                }
                String content = textOnly(e);
                builder.plainAtom(SayAs.speakable(kind, content, chineseReading), content);
            }
            case "speak" -> throw bad("<speak> cannot be nested");
            default -> throw bad("unsupported SSML tag <" + tag + ">; supported: speak, break, phoneme, say-as, sub, "
                    + "prosody, word");
        }
    }

    private static String textOnly(Element e) throws MediaException {
        StringBuilder sb = new StringBuilder();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                throw bad("<" + e.getTagName() + "> may contain only text, but contains <" + n.getNodeName() + ">");
            }
            if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                sb.append(n.getNodeValue());
            }
        }
        return sb.toString();
    }

    private static void requireEmpty(Element e) throws MediaException {
        if (e.hasChildNodes() && !textOnly(e).isBlank()) {
            throw bad("<break> must be empty");
        }
        if (e.getFirstChild() != null && e.getFirstChild().getNodeType() == Node.ELEMENT_NODE) {
            throw bad("<break> must be empty");
        }
    }

    private static String requireAttribute(Element e, String name) throws MediaException {
        String value = e.getAttribute(name);
        if (value == null || value.isBlank()) {
            throw bad("<" + e.getTagName() + "> needs the attribute " + name);
        }
        return value;
    }

    /**
     * Strength has no durations in the reference; these follow the usual SSML engines, scaled so "weak" is the
     * documented minimum time of 200 ms.
     */
    private static int breakMillis(Element e) throws MediaException {
        String time = e.getAttribute("time");
        if (!time.isEmpty()) {
            Matcher m = TIME.matcher(time);
            if (!m.matches()) {
                throw bad("<break time=\"" + time + "\"> is not a duration like 500ms or 1.5s");
            }
            double value = Double.parseDouble(m.group(1));
            boolean seconds = "s".equalsIgnoreCase(m.group(2));
            long millis = Math.round(seconds ? value * 1000 : value);
            if (millis < 200 || millis > 10_000) {
                throw bad("<break time=\"" + time + "\"> is outside 200ms..10s");
            }
            return (int) millis;
        }
        String strength = e.getAttribute("strength");
        return switch (strength.isEmpty() ? "medium" : strength) {
            case "none" -> 0;
            case "x-weak" -> 100;
            case "weak" -> 200;
            case "medium" -> 400;
            case "strong" -> 700;
            case "x-strong" -> 1200;
            default -> throw bad("<break strength=\"" + strength + "\"> is not one of none, x-weak, weak, medium, "
                    + "strong, x-strong");
        };
    }

    private static double rate(Element e) throws MediaException {
        String rate = requireAttribute(e, "rate");
        Matcher m = RATE.matcher(rate);
        if (!m.matches()) {
            throw bad("<prosody rate=\"" + rate + "\"> is not a number from 50 to 200");
        }
        double value = Double.parseDouble(m.group(1));
        if (value < 50 || value > 200) {
            throw bad("<prosody rate=\"" + rate + "\"> is outside 50..200");
        }
        return value / 100.0;
    }

    private static MediaException bad(String message) {
        return new MediaException(Reason.BAD_SSML, message);
    }

    private static MediaException bad(String message, Throwable cause) {
        return new MediaException(Reason.BAD_SSML, message, cause);
    }

    /** Gathers runs into sentences; tagged content is never cut, plain text is cut at sentence ends. */
    private static final class Builder {
        private final List<Sentence> sentences = new ArrayList<>();
        private List<Piece> pieces = new ArrayList<>();
        private StringBuilder display = new StringBuilder();

        void plain(String text, double rate) {
            for (String part : SentenceSplitter.split(text)) {
                add(part, part, rate, null);
                if (SentenceSplitter.endsSentence(part)) {
                    close();
                }
            }
        }

        private int pronunciations;

        void plainAtom(String spoken, String shown) {
            add(spoken, shown, 1.0, null);
        }

        /** The word is spoken as {@code ph} says, through a token the engine resolves; subtitles show the word. */
        void phoneme(String shown, String ph) {
            if (shown.isBlank()) {
                return;
            }
            Pronunciation p = new Pronunciation(Pronunciation.token(pronunciations++), shown.strip(), ph);
            add(p.token(), shown, 1.0, p);
        }

        private void add(String spoken, String shown, double rate, Pronunciation pronunciation) {
            display.append(shown);
            String s = spoken.strip();
            if (s.isEmpty()) {
                return;
            }
            List<Pronunciation> prons = pronunciation == null ? List.of() : List.of(pronunciation);
            if (!pieces.isEmpty() && pieces.get(pieces.size() - 1) instanceof Utterance last && last.rate() == rate) {
                List<Pronunciation> merged = new ArrayList<>(last.pronunciations());
                merged.addAll(prons);
                pieces.set(pieces.size() - 1, new Utterance(last.text() + " " + s, rate, merged));
            } else {
                pieces.add(new Utterance(s, rate, prons));
            }
        }

        void pause(int millis) {
            if (millis <= 0) {
                return;
            }
            if (!pieces.isEmpty() && pieces.get(pieces.size() - 1) instanceof Pause last) {
                pieces.set(pieces.size() - 1, new Pause(last.millis() + millis));
            } else {
                pieces.add(new Pause(millis));
            }
            display.append(' ');
        }

        private void close() {
            if (!pieces.isEmpty()) {
                sentences.add(new Sentence(pieces, display.toString().replaceAll("\\s+", " ").strip()));
            }
            pieces = new ArrayList<>();
            display = new StringBuilder();
        }

        SpeechScript finish() {
            close();
            return new SpeechScript(sentences);
        }
    }
}
