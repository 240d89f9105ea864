package io.herakles.procmem.export.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The quick reader of plain UTC times takes nothing the full ISO-8601 parser would not, and reads it the same. */
class PlainUtcTest {

    private static Optional<Instant> full(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    @Test
    void agreesWithTheFullParserOnEdgesAndRandomTimes() {
        List<String> texts = new ArrayList<>(List.of("2025-12-01T10:00:00Z", "2025-12-01T10:00:00.5Z",
                "2025-12-01T10:00:00.123456789Z", "2025-12-01T10:00:00.1234567891Z", "2025-12-01T10:00:00.Z",
                "2024-02-29T23:59:59Z", "2025-02-29T00:00:00Z", "2025-04-31T00:00:00Z", "2025-13-01T00:00:00Z",
                "2025-00-10T00:00:00Z", "2025-12-00T00:00:00Z", "2025-12-01T24:00:00Z", "2025-12-01T23:60:00Z",
                "2025-12-01T23:59:60Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
                "2025-12-01t10:00:00z", "2025-12-01T10:00:00+02:00", "2025-12-01 10:00:00Z", "2025-1-01T10:00:00Z",
                "２025-12-01T10:00:00Z", "2025-12-01T10:00Z", "", "Z", "2025-12-01T10:00:00.-1Z"));
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            Instant t = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 253_000_000_000L),
                    random.nextBoolean() ? 0 : random.nextInt(1_000_000_000));
            texts.add(t.toString());
        }
        int quick = 0;
        for (String text : texts) {
            assertThat(FieldReader.parseInstant(text)).as(text).isEqualTo(full(text));
            Instant plain = FieldReader.plainUtc(text);
            if (plain != null) {
                quick++;
                assertThat(Optional.of(plain)).as(text).isEqualTo(full(text));
            }
        }
        assertThat(quick).as("times read the quick way").isGreaterThan(15_000);
    }
}
