package dev.metastudio.emulator.edge;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The documented error body. API Gateway errors also carry {@code request_id}, as the real gateway's do;
 * MetaStudio's own errors are exactly the two documented fields.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorEnvelope(
        @JsonProperty("error_code") String errorCode,
        @JsonProperty("error_msg") String errorMsg,
        @JsonProperty("request_id") String requestId) {

    public static ErrorEnvelope of(String code, String message) {
        return new ErrorEnvelope(code, message, null);
    }
}
