package dev.metastudio.emulator.asset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metastudio.emulator.media.speech.Sex;
import dev.metastudio.emulator.media.speech.Voice;
import org.junit.jupiter.api.Test;

/** A trained timbre's binding keeps its factors; a preset's is written as before. */
class TunedBindingTest {

    @Test
    void factorsRoundTripIntoTheEngineVoice() {
        String encoded = new EngineBinding.Voice("EN", "MALE", 0, 0.78, 1.1, 1.5).encode();
        assertThat(encoded).isEqualTo("voice:EN:MALE:0:0.78:1.1:1.5");
        AssetEntity asset = new AssetEntity();
        asset.setEngineBinding(encoded);
        assertThat(VoiceBindings.voiceOf(asset)).isEqualTo(new Voice("EN", Sex.MALE, 0, 0.78, 1.1, 1.5));
        assertThat(new EngineBinding.Voice("CN", "FEMALE", 3).encode()).isEqualTo("voice:CN:FEMALE:3");
        assertThat(EngineBinding.decode("voice:EN:MALE:0:0:1:1")).isEmpty();
        assertThat(EngineBinding.decode("voice:EN:MALE:0:x:1:1")).isEmpty();
    }
}
