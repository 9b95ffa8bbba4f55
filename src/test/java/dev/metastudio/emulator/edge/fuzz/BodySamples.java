package dev.metastudio.emulator.edge.fuzz;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/**
 * A plausible JSON body for a request type, built from what the application's own ObjectMapper would bind: wire
 * names (snake_case, aliases), and for each property a value of its type (an enum's first documented name, a nested
 * object, a one-item list). The fuzzer mutates it one place at a time.
 */
final class BodySamples {
    private static final int MAX_DEPTH = 6;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectMapper mapper;

    BodySamples(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    JsonNode sample(JavaType type) {
        return sample(type, 0);
    }

    private JsonNode sample(JavaType type, int depth) {
        Class<?> raw = type.getRawClass();
        if (raw == String.class) {
            return NODES.textNode("fuzz");
        }
        if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class
                || raw == Short.class || raw == short.class) {
            return NODES.numberNode(1);
        }
        if (raw == Float.class || raw == float.class || raw == Double.class || raw == double.class
                || raw == BigDecimal.class) {
            return NODES.numberNode(1.0);
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return NODES.booleanNode(true);
        }
        if (raw.isEnum()) {
            return mapper.valueToTree(raw.getEnumConstants()[0]);
        }
        if (depth >= MAX_DEPTH) {
            return NODES.nullNode();
        }
        if (type.isCollectionLikeType() || type.isArrayType()) {
            ArrayNode array = NODES.arrayNode();
            array.add(sample(type.getContentType(), depth + 1));
            return array;
        }
        if (Map.class.isAssignableFrom(raw) || raw == Object.class || JsonNode.class.isAssignableFrom(raw)
                || Collection.class.isAssignableFrom(raw)) {
            return NODES.objectNode();
        }
        ObjectNode object = NODES.objectNode();
        BeanDescription description = mapper.getDeserializationConfig().introspect(type);
        for (BeanPropertyDefinition property : description.findProperties()) {
            if (property.couldDeserialize()) {
                object.set(property.getName(), sample(property.getPrimaryType(), depth + 1));
            }
        }
        return object;
    }

    static boolean isEnum(JavaType type) {
        return type != null && type.getRawClass().isEnum();
    }
}
