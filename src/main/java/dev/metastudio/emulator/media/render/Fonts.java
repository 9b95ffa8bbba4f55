package dev.metastudio.emulator.media.render;

import java.awt.Font;
import java.awt.font.TextAttribute;
import java.io.File;
import java.text.AttributedString;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The documented font names (reference §11.9) mapped to fonts installed here: Noto Sans CJK for the HarmonyOS and
 * Adelle families (they cover Chinese and Latin alike), Noto Serif CJK for Maitree, the KR face for Noto_Sans_CJK_KR.
 * Characters a font lacks fall back to Noto Sans CJK, then DejaVu Sans, then Java's logical SansSerif; a missing font
 * file never fails a render.
 */
final class Fonts {

    private static final String NOTO_DIR = "/usr/share/fonts/opentype/noto/";
    private static final String DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    private static final String DEJAVU_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
    private static final Map<String, Font> LOADED = new ConcurrentHashMap<>();

    private Fonts() {
    }

    /** A font for an API font name (null/unknown: the default HarmonyOS_Sans_SC_Black) at a pixel size. */
    static Font forName(String apiName, float size) {
        String name = apiName == null || apiName.isBlank() ? "HarmonyOS_Sans_SC_Black" : apiName;
        String n = name.toLowerCase(Locale.ROOT);
        boolean bold = n.contains("black") || n.contains("bold") || n.contains("medium");
        String face;
        if (n.startsWith("maitree")) {
            face = "Noto Serif CJK SC";
        } else if (n.startsWith("noto_sans_cjk_kr")) {
            face = "Noto Sans CJK KR";
        } else {
            face = "Noto Sans CJK SC";
        }
        String file = NOTO_DIR + (face.startsWith("Noto Serif") ? "NotoSerifCJK-" : "NotoSansCJK-")
                + (bold ? "Bold" : "Regular") + ".ttc";
        Font font = load(file, face);
        if (font == null) {
            font = load(bold ? DEJAVU_BOLD : DEJAVU, null);
        }
        if (font == null) {
            font = new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, 1);
        }
        return font.deriveFont(size);
    }

    private static Font load(String file, String face) {
        String key = file + "|" + face;
        Font cached = LOADED.get(key);
        if (cached != null) {
            return cached;
        }
        File f = new File(file);
        if (!f.isFile()) {
            return null;
        }
        try {
            Font[] faces = Font.createFonts(f);
            Font chosen = faces[0];
            if (face != null) {
                for (Font candidate : faces) {
                    if (candidate.getFamily(Locale.ROOT).equals(face)) {
                        chosen = candidate;
                    }
                }
            }
            LOADED.put(key, chosen);
            return chosen;
        } catch (java.awt.FontFormatException | java.io.IOException e) {
            return null;
        }
    }

    private static List<Font> fallbacks(Font primary) {
        List<Font> chain = new ArrayList<>();
        chain.add(primary);
        boolean bold = primary.getFontName(Locale.ROOT).toLowerCase(Locale.ROOT).contains("bold");
        Font cjk = load(NOTO_DIR + "NotoSansCJK-" + (bold ? "Bold" : "Regular") + ".ttc", "Noto Sans CJK SC");
        Font dejavu = load(bold ? DEJAVU_BOLD : DEJAVU, null);
        for (Font f : new Font[]{cjk, dejavu}) {
            if (f != null) {
                chain.add(f.deriveFont(primary.getSize2D()));
            }
        }
        chain.add(new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont(primary.getSize2D()));
        return chain;
    }

    /** The text with each run of characters set in the first font of the chain that has their glyphs. */
    static AttributedString styled(String text, Font primary) {
        AttributedString s = new AttributedString(text);
        if (text.isEmpty()) {
            return s;
        }
        List<Font> chain = fallbacks(primary);
        int runStart = 0;
        Font runFont = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            Font f = chain.get(chain.size() - 1);
            for (Font candidate : chain) {
                if (candidate.canDisplay(cp)) {
                    f = candidate;
                    break;
                }
            }
            if (runFont != null && f != runFont) {
                s.addAttribute(TextAttribute.FONT, runFont, runStart, i);
                runStart = i;
            }
            runFont = f;
            i += Character.charCount(cp);
        }
        s.addAttribute(TextAttribute.FONT, runFont, runStart, text.length());
        return s;
    }
}
