package dev.metastudio.emulator.callback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MssaSignatureTest {

    /**
     * The reference's worked example, value for value (L11856-L11869). Its code line spells the host
     * {@code metastudio-l1m} (L11858), its final request {@code metastudio-llm} (L11868); only the latter yields the
     * printed secret, so {@code l1m} is a PDF artefact.
     */
    @Test
    @DisplayName("L11866-L11869: secret=a02fc321...793e&time_stamp=1963307d486 for huawei_metaStudio at 1744612873350 ms")
    void reproducesTheReferenceWorkedExample() {
        String url = "https://metastudio-llm/digital-human/chat";
        assertThat(MssaSignature.timeStamp(1744612873350L)).isEqualTo("1963307d486");
        assertThat(MssaSignature.secret(url, "huawei_metaStudio", 1744612873350L))
                .isEqualTo("a02fc32111795dc6f760e6bd15bb0cbc9a35921dc5dc86e57eea56ae644d793e");
        assertThat(MssaSignature.signedUrl(url, "huawei_metaStudio", 1744612873350L))
                .isEqualTo("https://metastudio-llm/digital-human/chat?"
                        + "secret=a02fc32111795dc6f760e6bd15bb0cbc9a35921dc5dc86e57eea56ae644d793e&time_stamp=1963307d486");
    }

    /** Reference value from {@code printf %s 'https://receiver.example/cb?token=abc1710334464000' | openssl dgst -sha256 -hmac 'k3y-Secret'}. */
    @Test
    @DisplayName("L11860: the message is the configured URL (its own query included) + decimal milliseconds")
    void signsTheConfiguredUrlWithItsQuery() {
        assertThat(MssaSignature.signedUrl("https://receiver.example/cb?token=abc", "k3y-Secret", 1710334464000L))
                .isEqualTo("https://receiver.example/cb?token=abc"
                        + "&secret=f35cc9910227b21e95e6facd2d6a10a8ac0db06aba840facbb7b4467ffcf7384"
                        + "&time_stamp=18e37e0d000");
    }

    @Test
    void startsTheQueryWhenTheUrlHasNone() {
        assertThat(MssaSignature.signedUrl("http://127.0.0.1/cb", "k", 16L)).startsWith("http://127.0.0.1/cb?secret=")
                .endsWith("&time_stamp=10");
        assertThat(MssaSignature.signedUrl("http://127.0.0.1/cb?", "k", 16L)).startsWith("http://127.0.0.1/cb?secret=");
        assertThat(MssaSignature.signedUrl("http://127.0.0.1/cb?a=1&", "k", 16L))
                .startsWith("http://127.0.0.1/cb?a=1&secret=");
    }

    @Test
    void keyAndUrlAreUtf8() {
        String secret = MssaSignature.secret("http://127.0.0.1/回调", "ключ", 10L);
        assertThat(secret).hasSize(64).matches("[0-9a-f]+");
        assertThat(secret).isNotEqualTo(MssaSignature.secret("http://127.0.0.1/回调", "ключ", 11L));
    }
}
