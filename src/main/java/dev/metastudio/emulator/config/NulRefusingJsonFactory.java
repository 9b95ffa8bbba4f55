package dev.metastudio.emulator.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.DataInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A JSON factory whose parsers refuse a NUL character ({@code \u0000}) in any string or field name, wherever it is
 * bound (record fields, lists, maps, free-form documents): PostgreSQL cannot store it in text, and no documented
 * field has a use for it. The refusal names the JSON path, like every other binding error.
 */
public class NulRefusingJsonFactory extends JsonFactory {

    public NulRefusingJsonFactory() {
        super();
    }

    private NulRefusingJsonFactory(JsonFactory source, ObjectCodec codec) {
        super(source, codec);
    }

    /** A string or field name held a NUL; {@link #path()} says where, as the caller wrote it. */
    public static final class NulCharacterException extends JsonParseException {
        private final String path;

        NulCharacterException(JsonParser parser, String path) {
            super(parser, path + " must not contain NUL characters (\\u0000)");
            this.path = path;
        }

        public String path() {
            return path;
        }
    }

    @Override
    public JsonFactory copy() {
        return new NulRefusingJsonFactory(this, null);
    }

    @Override
    protected JsonParser _createParser(InputStream in, IOContext ctxt) throws IOException {
        return new Checked(super._createParser(in, ctxt));
    }

    @Override
    protected JsonParser _createParser(Reader r, IOContext ctxt) throws IOException {
        return new Checked(super._createParser(r, ctxt));
    }

    @Override
    protected JsonParser _createParser(char[] data, int offset, int len, IOContext ctxt, boolean recyclable)
            throws IOException {
        return new Checked(super._createParser(data, offset, len, ctxt, recyclable));
    }

    @Override
    protected JsonParser _createParser(byte[] data, int offset, int len, IOContext ctxt) throws IOException {
        return new Checked(super._createParser(data, offset, len, ctxt));
    }

    @Override
    protected JsonParser _createParser(DataInput input, IOContext ctxt) throws IOException {
        return new Checked(super._createParser(input, ctxt));
    }

    /** Every way of advancing goes through {@link #nextToken()}, so no string escapes the check. */
    private static final class Checked extends JsonParserDelegate {
        Checked(JsonParser delegate) {
            super(delegate);
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken token = delegate.nextToken();
            if ((token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME)
                    && delegate.getText().indexOf('\0') >= 0) {
                throw new NulCharacterException(this, path(delegate.getParsingContext(), token));
            }
            return token;
        }

        @Override
        public JsonToken nextValue() throws IOException {
            JsonToken token = nextToken();
            return token == JsonToken.FIELD_NAME ? nextToken() : token;
        }

        @Override
        public String nextFieldName() throws IOException {
            return nextToken() == JsonToken.FIELD_NAME ? currentName() : null;
        }

        @Override
        public boolean nextFieldName(SerializableString name) throws IOException {
            return nextToken() == JsonToken.FIELD_NAME && name.getValue().equals(currentName());
        }

        @Override
        public String nextTextValue() throws IOException {
            return nextToken() == JsonToken.VALUE_STRING ? getText() : null;
        }

        @Override
        public int nextIntValue(int defaultValue) throws IOException {
            return nextToken() == JsonToken.VALUE_NUMBER_INT ? getIntValue() : defaultValue;
        }

        @Override
        public long nextLongValue(long defaultValue) throws IOException {
            return nextToken() == JsonToken.VALUE_NUMBER_INT ? getLongValue() : defaultValue;
        }

        @Override
        public Boolean nextBooleanValue() throws IOException {
            JsonToken token = nextToken();
            return token == JsonToken.VALUE_TRUE ? Boolean.TRUE : token == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
        }

        private static String path(JsonStreamContext context, JsonToken token) {
            String where = pathOf(context).replace("\0", "\\u0000");
            return token == JsonToken.FIELD_NAME ? "field name " + where : where;
        }
    }

    /** A parser position as the JSON path a caller wrote, e.g. {@code shoot_scripts[0].text}. */
    public static String pathOf(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null) {
                parts.push(c.getCurrentName());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            if (!out.isEmpty() && !part.startsWith("[")) {
                out.append('.');
            }
            out.append(part);
        }
        return out.isEmpty() ? "request body" : out.toString();
    }
}
