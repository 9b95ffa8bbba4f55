package dev.metastudio.emulator.asset.library;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Table 11-19 (L17590-L17631) as printed, and the 32-hex forms its PDF artefacts evidently stand for. */
class PresetTimbresTest {

    @Test
    @DisplayName("L17596-L17631: the ids are kept exactly as printed, artefacts included")
    void theIdsAreKeptAsPrinted() {
        var ids = PresetTimbres.load().stream().flatMap(t -> t.idsByRegion().values().stream()).toList();
        assertThat(ids).hasSize(83).contains("cbcfa73488876ce507144c87307440", "39b9cedcc1f19b33d8f7ce1a6d35b9",
                "6145cdc8562be90e0973b4d91a16ccb", "8ffdgc20f667cbd946a67d8abcf8ea6e");
        // Every other id is 32 lower-case hex digits (the third table's wrapped ids joined).
        assertThat(ids.stream().filter(id -> !id.matches("[0-9a-f]{32}"))).hasSize(4);
    }

    @Test
    @DisplayName("L17611: 8ffdgc20... is evidently 8ffd9c20...; the short ids have no evident 32-hex form")
    void onlyTheGlyphArtefactHasAnEvidentIntendedForm() {
        assertThat(PresetTimbres.intendedForm("8ffdgc20f667cbd946a67d8abcf8ea6e"))
                .isEqualTo("8ffd9c20f667cbd946a67d8abcf8ea6e");
        assertThat(PresetTimbres.intendedForm("cbcfa73488876ce507144c87307440")).isNull();
        assertThat(PresetTimbres.intendedForm("6145cdc8562be90e0973b4d91a16ccb")).isNull();
        assertThat(PresetTimbres.intendedForm("06a6f6c8c8a54bcb2b14c97f4bc58d38")).isNull();
    }
}
