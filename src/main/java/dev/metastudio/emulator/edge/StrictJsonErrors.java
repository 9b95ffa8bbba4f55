package dev.metastudio.emulator.edge;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.metastudio.emulator.config.NulRefusingJsonFactory;

/**
 * Messages for what the strict reading of request bodies refuses ({@code StrictJsonConfig}): a NUL in a string, a
 * null list item, a repeated field, data after the JSON value, and a body over the size limit.
 */
final class StrictJsonErrors {
    private StrictJsonErrors() {
    }

    /** The field-naming message, or null when the failure is not one of these. */
    static String describe(Throwable failure) {
        if (BodyLimit.causedBy(failure)) {
            return "Invalid parameter: request body " + BodyLimit.TOO_LARGE_MESSAGE;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof NulRefusingJsonFactory.NulCharacterException nul) {
                return "Invalid parameter: " + nul.path() + " must not contain NUL characters (\\u0000)";
            }
            if (t instanceof InvalidNullException nulls) {
                return "Invalid parameter: " + JsonPaths.of(nulls.getPath()) + " must not be null";
            }
            if (t instanceof MismatchedInputException mismatch && mismatch.getOriginalMessage() != null
                    && mismatch.getOriginalMessage().startsWith("Trailing token")) {
                return "Invalid parameter: request body has data after the end of its JSON value";
            }
            if (t instanceof JsonParseException parse && parse.getOriginalMessage() != null
                    && parse.getOriginalMessage().startsWith("Duplicate field")) {
                return "Invalid parameter: " + duplicatePath(parse) + " appears more than once";
            }
        }
        return null;
    }

    private static String duplicatePath(JsonParseException parse) {
        JsonParser parser = parse.getProcessor();
        if (parser != null && parser.getParsingContext() != null) {
            return JsonPaths.of(parser.getParsingContext());
        }
        return parse.getOriginalMessage().replaceFirst("^Duplicate field '(.*)'$", "$1");
    }
}
