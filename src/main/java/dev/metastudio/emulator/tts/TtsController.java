package dev.metastudio.emulator.tts;

import dev.metastudio.emulator.edge.ApiException;
import dev.metastudio.emulator.edge.ApiExceptionHandler;
import dev.metastudio.emulator.edge.ErrorCodes;
import dev.metastudio.emulator.edge.ErrorEnvelope;
import dev.metastudio.emulator.edge.PublicUrl;
import dev.metastudio.emulator.edge.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * TTS Management, reference 10. Its error bodies differ from the rest of the API: the reference lists nine-digit
 * generic codes (MSS.000000003 for an invalid parameter) and adds request_id, so this controller answers that way.
 */
@RestController
@RequestMapping("/v1/{project_id}/ttsc")
class TtsController {
    private final TtsService tts;
    private final PublicUrl publicUrl;

    TtsController(TtsService tts, PublicUrl publicUrl) {
        this.tts = tts;
        this.publicUrl = publicUrl;
    }

    @PostMapping("/audition")
    TtsRequests.Created create(@PathVariable("project_id") String projectId,
                               @RequestHeader(value = "X-App-UserId", required = false) String appUserId,
                               @RequestBody(required = false) TtsRequests.Audition body) {
        return tts.create(projectId, appUserId, body);
    }

    @GetMapping("/audition-file/{job_id}")
    TtsRequests.AuditionFiles files(@PathVariable("project_id") String projectId, @PathVariable("job_id") String jobId,
                                    HttpServletRequest request) {
        return tts.files(projectId, jobId, publicUrl.of(request));
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ErrorEnvelope> refused(ApiException e) {
        String code = ErrorCodes.INVALID_PARAMETER.equals(e.code()) ? TtsCodes.INVALID_PARAMETER : e.code();
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON)
                .body(new ErrorEnvelope(code, e.getMessage(), RequestIds.current()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorEnvelope> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(new ErrorEnvelope(
                TtsCodes.INVALID_PARAMETER, ApiExceptionHandler.describe(e), RequestIds.current()));
    }
}
