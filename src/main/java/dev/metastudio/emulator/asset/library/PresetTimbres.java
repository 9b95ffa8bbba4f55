package dev.metastudio.emulator.asset.library;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The preset timbres of reference 11.12, with their asset id in each region. */
final class PresetTimbres {
    static final List<String> REGIONS = List.of("cn-east-3", "cn-north-4", "ap-southeast-3");

    /**
     * One row of the table; {@code idsByRegion} omits regions where the reference prints no id. {@code variant} is the
     * timbre's place (1, 2, ...) among the timbres of its language and sex: the media engine gives each place its own
     * voice, so two timbres of one language and sex never sound alike.
     */
    record Timbre(int row, String name, String sex, String language, int variant, Map<String, String> idsByRegion) {
    }

    private PresetTimbres() {
    }

    /**
     * The 32-hex id a printed id evidently stands for, or null when it is one already or none is evident (L17596-
     * L17631). Decision: the only evident PDF artefact is a glyph: English female's AP-Singapore id prints a 'g'
     * where a hex digit must be ("8ffdgc20..."), read as the '9' it resembles. The three ids of 30 or 31 characters
     * (Yunge and David in AP-Singapore, Friendly female in CN East-Shanghai1) lost digits at unknown places, so they
     * have no evident 32-hex form and answer only as printed. Both the printed and the resolved id work.
     */
    static String intendedForm(String printed) {
        if (printed.length() != 32 || printed.matches("[0-9a-f]{32}")) {
            return null;
        }
        String resolved = printed.replace('g', '9');
        return resolved.matches("[0-9a-f]{32}") ? resolved : null;
    }

    static List<Timbre> load() {
        List<Timbre> timbres = new ArrayList<>();
        Map<String, Integer> places = new HashMap<>();
        try (InputStream in = PresetTimbres.class.getResourceAsStream("/asset/preset-timbres.tsv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                int row = timbres.size() + 1;
                Map<String, String> ids = new LinkedHashMap<>();
                for (int i = 0; i < REGIONS.size(); i++) {
                    if (!cells[3 + i].equals("-")) {
                        ids.put(REGIONS.get(i), cells[3 + i]);
                    }
                }
                String name = cells[0].equals("-") ? "Preset timbre " + row : cells[0];
                int variant = places.merge(cells[2] + ":" + cells[1], 1, Integer::sum);
                timbres.add(new Timbre(row, name, cells[1], cells[2], variant, ids));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return timbres;
    }
}
