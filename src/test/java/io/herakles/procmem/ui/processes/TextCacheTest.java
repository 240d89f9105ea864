package io.herakles.procmem.ui.processes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herakles.procmem.ui.common.Formats;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextCacheTest {

    @Test
    void givesTheSameTextAsTheFormatItRemembers() {
        TextCache<Long> cache = new TextCache<>(Formats::bytes);
        Random random = new Random(8);
        for (int i = 0; i < 20_000; i++) {
            long value = random.nextInt(3) == 0 ? random.nextInt(100) : random.nextLong() >>> random.nextInt(64);
            assertEquals(Formats.bytes(value), cache.apply(value), "bytes " + value);
        }
        TextCache<Double> percent = new TextCache<>(Formats::percent);
        for (double value : new double[] {0.0, -0.0, 0.05, 0.15, 99.95, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertEquals(Formats.percent(value), percent.apply(value), "percent " + value);
            assertEquals(Formats.percent(value), percent.apply(value), "percent " + value + ", remembered");
        }
    }

    @Test
    void formatsAValueOnceWhileItIsRemembered() {
        List<Long> formatted = new ArrayList<>();
        TextCache<Long> cache = new TextCache<>(v -> {
            formatted.add(v);
            return Formats.bytes(v);
        });
        String first = cache.apply(1536L);
        assertSame(first, cache.apply(1536L));
        assertEquals(List.of(1536L), formatted);
    }

    @Test
    void staysWithinItsBound() {
        TextCache<Long> cache = new TextCache<>(Formats::bytes);
        for (long v = 0; v < 3L * TextCache.MAX_ENTRIES; v++) {
            cache.apply(v);
            assertTrue(cache.size() <= TextCache.MAX_ENTRIES, "size " + cache.size());
        }
        assertEquals(Formats.bytes(5L), cache.apply(5L), "still right after starting over");
    }
}
