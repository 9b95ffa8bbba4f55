package dev.metastudio.emulator.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.metastudio.emulator.edge.ApiException;
import dev.metastudio.emulator.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** callback_config checks at job creation, on the server's own beans with the default allow-list (loopback only). */
class CallbackValidationTest extends ServerTest {
    @Autowired
    Callbacks callbacks;
    @Autowired
    ObjectMapper json;

    /** How a job request carries the config, so binding errors are located as callers see them. */
    record JobRequest(CallbackConfig callbackConfig) {
    }

    @Test
    void missingUrlIsRejected() {
        assertInvalid(new CallbackConfig(null, null, null), Callbacks.URL_FIELD, "is required");
        assertInvalid(new CallbackConfig("  ", AuthType.NONE, null), Callbacks.URL_FIELD, "is required");
    }

    @Test
    void malformedUrlsAreRejected() {
        assertInvalidUrl(config("http://exa mple.com/cb"), Callbacks.URL_FIELD, "is not a valid URL");
        assertInvalidUrl(config("/relative/cb"), Callbacks.URL_FIELD, "absolute http or https URL, got no scheme");
        assertInvalidUrl(config("ftp://127.0.0.1/cb"), Callbacks.URL_FIELD, "got scheme 'ftp'");
        assertInvalidUrl(config("http:///cb"), Callbacks.URL_FIELD, "must name a valid host");
        assertInvalidUrl(config("http://127.0.0.1/cb#part"), Callbacks.URL_FIELD, "must not contain a fragment");
        assertInvalidUrl(config("http://999.1.1.1/cb"), Callbacks.URL_FIELD, "must name a valid host");
        String tooLong = "http://127.0.0.1/" + "a".repeat(2049 - "http://127.0.0.1/".length());
        assertInvalidUrl(config(tooLong), Callbacks.URL_FIELD, "at most 2048 characters long, got 2049");
    }

    @Test
    void hostsOutsideTheDefaultAllowListAreRejectedWithTheSettingNamed() {
        for (String url : new String[] {"http://10.1.2.3/cb", "http://example.com/cb", "https://169.254.169.254/",
                "http://[fd00::1]:8080/cb", "http://localhost.example.com/cb"}) {
            ApiException e = assertInvalid(config(url), Callbacks.URL_FIELD, "is not allowed by this emulator");
            assertThat(e.getMessage())
                    .contains("metastudio.callbacks.allowed-hosts")
                    .contains("METASTUDIO_CALLBACKS_ALLOWED_HOSTS");
        }
    }

    @Test
    void loopbackReceiversAreAllowedByDefault() {
        for (String url : new String[] {"http://127.0.0.1:9000/cb", "http://127.8.9.10/cb", "http://localhost/cb?x=1",
                "HTTPS://LOCALHOST./cb", "http://[::1]:8080/cb", "http://localhost:8080/cb?token=a%20b"}) {
            assertThatCode(() -> callbacks.validate(config(url))).as(url).doesNotThrowAnyException();
        }
    }

    @Test
    void noCallbackConfigIsValid() {
        assertThatCode(() -> callbacks.validate(null)).doesNotThrowAnyException();
    }

    @Test
    void mssaNeedsAKey() {
        assertInvalid(new CallbackConfig("http://127.0.0.1/cb", AuthType.MSS_A, null), Callbacks.KEY_FIELD,
                "is required when callback_config.auth_type is MSS_A");
        assertInvalid(new CallbackConfig("http://127.0.0.1/cb", AuthType.MSS_A, ""), Callbacks.KEY_FIELD,
                "is required");
        assertThatCode(() -> callbacks.validate(new CallbackConfig("http://127.0.0.1/cb", AuthType.MSS_A, "k")))
                .doesNotThrowAnyException();
    }

    @Test
    void authTypeAcceptsBothDocumentedSpellingsOfNone() throws Exception {
        assertThat(read("{\"callback_url\":\"http://127.0.0.1/cb\",\"auth_type\":\"None\"}").authType())
                .isEqualTo(AuthType.NONE);
        assertThat(read("{\"callback_url\":\"http://127.0.0.1/cb\",\"auth_type\":\"NONE\"}").authType())
                .isEqualTo(AuthType.NONE);
        assertThat(read("{\"callback_url\":\"http://127.0.0.1/cb\"}").authType()).isEqualTo(AuthType.NONE);
        CallbackConfig mssa = read("{\"callback_url\":\"http://127.0.0.1/cb\",\"auth_type\":\"MSS_A\",\"key\":\"k\"}");
        assertThat(mssa).isEqualTo(new CallbackConfig("http://127.0.0.1/cb", AuthType.MSS_A, "k"));
        assertThat(mssa.toString()).doesNotContain("\"k\"").contains("key=***");
        callbacks.validate(read("{\"callback_url\":\"http://127.0.0.1/cb\",\"auth_type\":\"None\"}"));
        // Written back in the default's spelling.
        assertThat(json.writeValueAsString(new CallbackConfig("http://127.0.0.1/cb", null, null)))
                .contains("\"auth_type\":\"NONE\"").contains("\"callback_url\"");
    }

    @Test
    void otherAuthTypesAreRefusedAtBindingWithTheFieldNamed() {
        for (String value : new String[] {"none", "MSS_A_HEAD", "MEITUAN_DEFAULT", ""}) {
            ValueInstantiationException e = catchThrowableOfType(ValueInstantiationException.class, () -> json.readValue(
                    "{\"callback_config\":{\"callback_url\":\"http://127.0.0.1/cb\",\"auth_type\":\"" + value + "\"}}",
                    JobRequest.class));
            assertThat(e).as(value).isNotNull();
            assertThat(e.getPath()).extracting(ref -> ref.getFieldName())
                    .containsExactly("callback_config", "auth_type");
            assertThat(e.getCause()).hasMessage("must be one of [NONE, MSS_A], got '" + value + "'");
        }
    }

    private CallbackConfig read(String body) throws Exception {
        return json.readValue(body, CallbackConfig.class);
    }

    private static CallbackConfig config(String url) {
        return new CallbackConfig(url, AuthType.NONE, null);
    }

    /** L16844: a malformed callback_url is MSS.20010093 "Invalid URL." (it was MSS.00000003 before issue 13). */
    private void assertInvalidUrl(CallbackConfig config, String field, String problem) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> callbacks.validate(config));
        assertThat(e).as(String.valueOf(config)).isNotNull();
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isEqualTo("MSS.20010093");
        assertThat(e.getMessage()).startsWith("Invalid URL: " + field + " ").contains(problem);
    }

    private ApiException assertInvalid(CallbackConfig config, String field, String problem) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> callbacks.validate(config));
        assertThat(e).as(String.valueOf(config)).isNotNull();
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isEqualTo("MSS.00000003");
        assertThat(e.getMessage()).startsWith("Invalid parameter: " + field + " ").contains(problem);
        return e;
    }
}
