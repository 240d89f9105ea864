package io.herakles.procmem.export.snapshot;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Builds the JSON tree of one value from a parser's tokens, as {@code ObjectMapper.readTree} does
 * (the same node types: int, long and big-integer numbers by size, doubles for fractions unless the
 * parser made a decimal), without the mapper: a run that reads only well-formed snapshot files
 * (every {@code diff}) need not start the mapper's machinery at all, about 300 classes and their
 * initialisation in a fresh JVM. A snapshot's top-level fields and a recording's delta lines are
 * read this way (its processes straight from the tokens, {@link DirectProcessReader}). Stateless.
 */
public final class TokenTree {
    private TokenTree() {}

    /**
     * jackson-core's parsers alone; duplicate keys are refused, as the strict mapper refuses them.
     * Doubles are read with jackson-core's fast parser, as the strict mapper reads them: the same,
     * correctly rounded values as {@code Double.parseDouble}, without its big-integer slow path for
     * the 17 significant digits a computed CPU share is written with (an eighth of decoding a keyframe).
     */
    private static final JsonFactory STREAMS = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();

    /** A parser over {@code json} for {@link #read}, not yet on its first token. */
    public static JsonParser parser(byte[] json) throws IOException {
        return STREAMS.createParser(json);
    }

    /** A parser over the first {@code length} bytes of {@code json}, as {@link #parser(byte[])}. */
    public static JsonParser parser(byte[] json, int length) throws IOException {
        return STREAMS.createParser(json, 0, length);
    }

    /** The value whose first token is {@code p}'s current token; leaves {@code p} on its last token. */
    public static JsonNode read(JsonParser p, JsonNodeFactory nodes) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) {
            throw new JsonParseException(p, "unexpected end of input");
        }
        return switch (t) {
            case START_OBJECT -> object(p, nodes);
            case START_ARRAY -> array(p, nodes);
            case VALUE_STRING -> nodes.textNode(p.getText());
            case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
                case INT -> nodes.numberNode(p.getIntValue());
                case LONG -> nodes.numberNode(p.getLongValue());
                default -> nodes.numberNode(p.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> p.getNumberType() == JsonParser.NumberType.BIG_DECIMAL
                    ? nodes.numberNode(p.getDecimalValue()) : nodes.numberNode(p.getDoubleValue());
            case VALUE_TRUE -> nodes.booleanNode(true);
            case VALUE_FALSE -> nodes.booleanNode(false);
            case VALUE_NULL -> nodes.nullNode();
            default -> throw new JsonParseException(p, "unexpected token " + t);
        };
    }

    private static ObjectNode object(JsonParser p, JsonNodeFactory nodes) throws IOException {
        ObjectNode o = nodes.objectNode();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            o.set(name, read(p, nodes));
        }
        if (t != JsonToken.END_OBJECT) {
            throw new JsonParseException(p, "unexpected token " + t + " in an object");
        }
        return o;
    }

    private static ArrayNode array(JsonParser p, JsonNodeFactory nodes) throws IOException {
        ArrayNode a = nodes.arrayNode();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new JsonParseException(p, "unexpected end of input in an array");
            }
            a.add(read(p, nodes));
        }
        return a;
    }
}
