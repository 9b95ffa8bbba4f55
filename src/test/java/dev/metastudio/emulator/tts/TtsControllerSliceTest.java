package dev.metastudio.emulator.tts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.metastudio.emulator.edge.ApiException;
import dev.metastudio.emulator.edge.ApiExceptionHandler;
import dev.metastudio.emulator.edge.PublicUrl;
import dev.metastudio.emulator.edge.RequestIdFilter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The TTS controller family in a web slice (milliseconds, no server, no database): its body and path mapping in
 * snake_case, and its own error shape, the chapter's nine-digit codes with request_id (reference 10.1, 10.2). The
 * service is the slice's edge; TtsPreviewContractTest drives the real one through the SDK.
 */
@WebMvcTest(controllers = TtsController.class, useDefaultFilters = false, includeFilters = @ComponentScan.Filter(
        type = FilterType.ASSIGNABLE_TYPE,
        classes = {TtsController.class, ApiExceptionHandler.class, RequestIdFilter.class, PublicUrl.class}))
class TtsControllerSliceTest {
    private static final String BASE = "/v1/p1/ttsc";

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private TtsService tts;

    @Test
    void theBodyIsReadInSnakeCaseAndTheJobIdAnswered() throws Exception {
        when(tts.create(eq("p1"), eq("user-9"), any())).thenReturn(new TtsRequests.Created("job-1"));
        mvc.perform(post(BASE + "/audition").header("X-App-UserId", "user-9").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"Hi\",\"tts_text\":\"Hi there\",\"emotion\":\"timbre\",\"speed\":120,"
                                + "\"is_vocabulary_config_enable\":true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.job_id").value("job-1"));
        ArgumentCaptor<TtsRequests.Audition> body = ArgumentCaptor.forClass(TtsRequests.Audition.class);
        Mockito.verify(tts).create(eq("p1"), eq("user-9"), body.capture());
        assertThat(body.getValue()).isEqualTo(new TtsRequests.Audition("Hi", "Hi there", "timbre", 120, null, null, null,
                null, null, true));
    }

    @Test
    void anInvalidParameterAnswersTheChaptersNineDigitCodeWithTheRequestId() throws Exception {
        when(tts.create(anyString(), any(), any())).thenThrow(ApiException.invalid("speed", "must be between 50 and 200"));
        MvcResult result = mvc.perform(post(BASE + "/audition").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"Hi\",\"emotion\":\"timbre\",\"speed\":20}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error_code").value("MSS.000000003"))
                .andExpect(jsonPath("$.error_msg").value(org.hamcrest.Matchers.containsString("speed")))
                .andExpect(header().exists("X-Request-Id"))
                .andReturn();
        assertThat(result.getResponse().getContentAsString())
                .contains("\"request_id\":\"" + result.getResponse().getHeader("X-Request-Id") + "\"");
    }

    @Test
    void anUnreadableBodyIsAnInvalidParameterToo() throws Exception {
        mvc.perform(post(BASE + "/audition").contentType(MediaType.APPLICATION_JSON).content("{\"text\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error_code").value("MSS.000000003"))
                .andExpect(jsonPath("$.request_id").exists());
    }

    /** The TTS APIs document X-Request-Id as a header the caller may set; it comes back in the error body. */
    @Test
    void otherCodesPassUnchangedAndTheCallersRequestIdIsKept() throws Exception {
        when(tts.files(eq("p1"), eq("nope"), anyString())).thenThrow(new ApiException(400, TtsCodes.UNKNOWN_TASK,
                "Obtain task information failed due to invalid task ID or project ID: nope"));
        mvc.perform(get(BASE + "/audition-file/nope").header("X-Request-Id", "0123456789abcdef0123456789abcdef"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error_code").value("MSS.20050013"))
                .andExpect(jsonPath("$.request_id").value("0123456789abcdef0123456789abcdef"));
    }

    @Test
    void filesAnswerInSnakeCase() throws Exception {
        when(tts.files(eq("p1"), eq("job-1"), anyString())).thenReturn(new TtsRequests.AuditionFiles(true, null,
                List.of(new TtsRequests.AuditionFile("http://localhost/_objects/x.mp3"))));
        mvc.perform(get(BASE + "/audition-file/job-1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.is_file_complete").value(true))
                .andExpect(jsonPath("$.files[0].download_url").value("http://localhost/_objects/x.mp3"))
                .andExpect(jsonPath("$.message").doesNotExist());
    }
}
