package io.herakles.procmem.export.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tree built from tokens is the tree ObjectMapper.readTree builds: same values, same node types. */
class TokenTreeTest {

    private static JsonNode tokens(String json) throws IOException {
        try (JsonParser p = TokenTree.parser(json.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            p.nextToken();
            JsonNode n = TokenTree.read(p, JsonNodeFactory.instance);
            assertThat(p.nextToken()).as("nothing after the value").isNull();
            return n;
        }
    }

    @Test
    void buildsWhatTheMapperBuilds() throws Exception {
        JsonMapper mapper = JsonMapper.builder().build();
        for (String json : List.of(
                "{\"pid\":42,\"big\":9007199254740993,\"huge\":123456789012345678901234567890,\"neg\":-2147483649}",
                "{\"cpu\":0.25,\"exp\":1e3,\"negexp\":-2.5E-7,\"zero\":0.0,\"intlike\":3}",
                "{\"name\":\"caf\\u00e9 \\\"x\\\"\",\"t\":true,\"f\":false,\"n\":null,\"e\":{},\"a\":[]}",
                "[1,[2,[3,{\"deep\":[{\"x\":\"y\"}]}]],null,\"s\"]",
                "\"just a string\"", "17", "-0.5", "null")) {
            JsonNode expected = mapper.readTree(json);
            JsonNode built = tokens(json);
            assertThat(built).as(json).isEqualTo(expected);
            assertThat(built.toString()).as(json).isEqualTo(expected.toString());
            assertThat(types(built)).as(json).isEqualTo(types(expected));
        }
    }

    @Test
    void duplicateKeysAndCutInputAreErrors() {
        assertThatThrownBy(() -> tokens("{\"a\":1,\"a\":2}")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> tokens("{\"a\":[1,2")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> tokens("{\"a\":")).isInstanceOf(IOException.class);
    }

    /** The node classes of a tree, depth first. */
    private static String types(JsonNode n) {
        StringBuilder sb = new StringBuilder(n.getClass().getSimpleName());
        if (n.isContainerNode()) {
            sb.append('(');
            n.forEach(child -> sb.append(types(child)).append(','));
            sb.append(')');
        }
        return sb.toString();
    }
}
