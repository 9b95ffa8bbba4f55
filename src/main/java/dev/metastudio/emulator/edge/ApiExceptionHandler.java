package dev.metastudio.emulator.edge;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Turns every failure inside Spring MVC into the documented envelope; nothing leaks a stack trace. */
@RestControllerAdvice
public class ApiExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ErrorEnvelope> api(ApiException e) {
        return envelope(e.status(), ErrorEnvelope.of(e.code(), e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorEnvelope> unreadable(HttpMessageNotReadableException e) {
        if (BodyLimit.causedBy(e)) {
            return envelope(413, new ErrorEnvelope(ErrorCodes.GW_REQUEST_ERROR, BodyLimit.TOO_LARGE_MESSAGE,
                    RequestIds.current()));
        }
        return invalid(describe(e));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ErrorEnvelope> typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "a valid value" : e.getRequiredType().getSimpleName();
        return invalid("Invalid parameter: " + e.getName() + " must be " + expected + ", got '" + e.getValue() + "'");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ErrorEnvelope> missingParameter(MissingServletRequestParameterException e) {
        return invalid("Invalid parameter: " + e.getParameterName() + " is required");
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ErrorEnvelope> missingHeader(MissingRequestHeaderException e) {
        return invalid("Invalid parameter: header " + e.getHeaderName() + " is required");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ErrorEnvelope> mediaType(HttpMediaTypeNotSupportedException e) {
        return invalid("Invalid parameter: Content-Type " + e.getContentType() + " is not supported, use application/json");
    }

    /** The gateway answers an unknown method or path before any service sees it. */
    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class,
            HttpRequestMethodNotSupportedException.class})
    ResponseEntity<ErrorEnvelope> noSuchApi(Exception e) {
        return envelope(404, new ErrorEnvelope(ErrorCodes.GW_API_NOT_FOUND,
                "The API does not exist or has not been published in the environment", RequestIds.current()));
    }

    /**
     * Two requests changed or deleted the same resource at once and this one lost (an optimistic lock, or a key the
     * winner took first). The reference documents 409 for "the requested update cannot be fulfilled due to the
     * conflict" but no code for it, so the code is the generic invalid-parameter one; the caller may read and retry.
     */
    @ExceptionHandler({OptimisticLockingFailureException.class, DataIntegrityViolationException.class})
    ResponseEntity<ErrorEnvelope> concurrentChange(RuntimeException e) {
        if (e instanceof DataIntegrityViolationException && !ConcurrentChanges.isUniqueViolation(e)) {
            return unexpected(e);
        }
        LOG.info("Concurrent change refused with 409: {}", e.getMessage());
        return envelope(409, ErrorEnvelope.of(ErrorCodes.INVALID_PARAMETER, "Invalid parameter: the resource was"
                + " changed or deleted by a concurrent request; read it again and retry"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorEnvelope> unexpected(Exception e) {
        LOG.error("Unexpected failure", e);
        return envelope(500, ErrorEnvelope.of(ErrorCodes.INTERNAL_ERROR, "Internal Error"));
    }

    private static ResponseEntity<ErrorEnvelope> invalid(String message) {
        return envelope(HttpStatus.BAD_REQUEST.value(), ErrorEnvelope.of(ErrorCodes.INVALID_PARAMETER, message));
    }

    static ResponseEntity<ErrorEnvelope> envelope(int status, ErrorEnvelope body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    /** The field-naming message for a body Jackson could not bind, for controllers with their own envelopes. */
    public static String describe(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        String strict = StrictJsonErrors.describe(e);
        if (strict != null) {
            return strict;
        }
        if (cause instanceof JsonParseException parse) {
            return "Invalid parameter: request body is not valid JSON (line " + parse.getLocation().getLineNr()
                    + ", column " + parse.getLocation().getColumnNr() + ")";
        }
        if (cause instanceof ValueInstantiationException inst) {
            if (inst.getCause() instanceof ApiException api) {
                return api.getMessage();
            }
            return "Invalid parameter: " + JsonPaths.of(inst.getPath()) + " "
                    + (inst.getCause() == null ? "is invalid" : inst.getCause().getMessage());
        }
        if (cause instanceof InvalidFormatException format) {
            return "Invalid parameter: " + JsonPaths.of(format.getPath()) + " must be "
                    + typeName(format.getTargetType()) + ", got '" + format.getValue() + "'";
        }
        if (cause instanceof MismatchedInputException mismatch) {
            if (mismatch.getPath().isEmpty()) {
                return "Invalid parameter: request body must be a JSON object";
            }
            return "Invalid parameter: " + JsonPaths.of(mismatch.getPath()) + " must be "
                    + typeName(mismatch.getTargetType());
        }
        if (cause instanceof JsonMappingException mapping) {
            return "Invalid parameter: " + JsonPaths.of(mapping.getPath()) + " is invalid";
        }
        return "Invalid parameter: request body is required and must be JSON";
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "of the documented type";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type.isRecord() || type == java.util.Map.class) {
            return "an object";
        }
        return switch (type.getSimpleName()) {
            case "Integer", "int", "Long", "long" -> "an integer";
            case "Double", "double", "Float", "float", "BigDecimal" -> "a number";
            case "Boolean", "boolean" -> "a boolean";
            default -> "a " + type.getSimpleName().toLowerCase();
        };
    }
}
