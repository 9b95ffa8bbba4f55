package dev.metastudio.emulator.callback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MssaSignatureTest {

    /** Reference value from {@code printf %s 'https://receiver.example/cb?token=abc65f1a200' | openssl dgst -sha256 -hmac 'k3y-Secret'}. */
    @Test
    void matchesAnIndependentlyComputedHmac() {
        assertThat(MssaSignature.timeStamp(1710334464L)).isEqualTo("65f1a200");
        assertThat(MssaSignature.signedUrl("https://receiver.example/cb?token=abc", "k3y-Secret", 1710334464L))
                .isEqualTo("https://receiver.example/cb?token=abc"
                        + "&secret=36b47c84aba203230749d0ab9c6c20ca0cce45f6e2d5f97bb494c761656cd231"
                        + "&time_stamp=65f1a200");
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
        String secret = MssaSignature.secret("http://127.0.0.1/回调", "ключ", "10");
        assertThat(secret).hasSize(64).matches("[0-9a-f]+");
        assertThat(secret).isNotEqualTo(MssaSignature.secret("http://127.0.0.1/回调", "ключ", "11"));
    }
}
