package io.herakles.procmem.export.snapshot;

import static io.herakles.procmem.export.snapshot.JsonFields.*;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.herakles.procmem.model.MemoryBreakdown;
import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.model.Text;
import io.herakles.procmem.model.SystemSample;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Writes a {@link Snapshot} as upstream's test-data JSON, streamed (no tree, no string of
 * the whole file), pretty-printed like upstream's {@code serde_json} (two-space indent,
 * {@code "key": value}), fields in a fixed order and processes in pid order. Stateless, thread-safe.
 *
 * <p>Layout: {@code version} ("1.0"), {@code generated_at} (the snapshot's {@code takenAt}, UTC,
 * whole seconds), then our {@code source} and {@code system}, then {@code processes}. Each process
 * has upstream's nine fields first ({@code pid, name, group, subgroup, rss, pss, uss, cpu_percent,
 * cpu_time_seconds}; sizes in bytes, CPU time in seconds, CPU percent of one core), then our extra
 * fields ({@code ppid, cmdline, uid, user, state, threads, start_time, swap, rss_anon, rss_file,
 * rss_shmem, pss_anon, pss_file, pss_shmem, swap_pss, matched_rule}). Upstream ignores fields it does
 * not know, so it loads these files.
 *
 * <p><b>Extension:</b> every field is always written; an unknown value is JSON {@code null}
 * (PSS/USS unreadable, uid -1, state '?', no start time, any absent breakdown or system figure).
 * Upstream's own files always carry numbers for {@code pss}/{@code uss}, and upstream cannot load a
 * file with {@code null} there; our reader can, so absent values stay absent through a round trip.
 *
 * <p>Caveats: {@code generated_at} has whole seconds only. CPU figures that are negative or not
 * finite (which the model should never hold) are written as 0 so that the file always loads again.
 * Unpaired UTF-16 surrogates in strings become U+FFFD (UTF-8 cannot carry them).
 */
public final class SnapshotJsonWriter {

    /** Non-BMP characters as 4-byte UTF-8, not as surrogate-pair escapes; escapes in lower case like serde. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
            .build();
    private static final DateTimeFormatter GENERATED_AT_FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private SnapshotJsonWriter() {}

    /**
     * Writes {@code snapshot} to {@code file} through a temporary sibling and an atomic rename, so a
     * reader polling the file (a replaying source) never sees half a file.
     *
     * @throws IOException with a one-line message naming {@code file} (not the temporary file),
     *                     e.g. {@code out/snap.json: cannot write: permission denied}
     */
    public static void writeFile(Snapshot snapshot, Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path tmp = absolute.resolveSibling("." + absolute.getFileName() + ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                write(snapshot, out);
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new IOException(file + ": cannot write: " + reason(e), e);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such directory";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return String.valueOf(e.getMessage()).replaceAll("\\s*\\R\\s*", " ");
    }

    /** Writes {@code snapshot} as UTF-8 JSON to {@code out} (flushed, not closed), ending in a newline. */
    public static void write(Snapshot snapshot, OutputStream out) throws IOException {
        write(snapshot, out, true);
    }

    /**
     * Writes {@code snapshot} as one line of compact UTF-8 JSON (no newline inside, one at the end)
     * to {@code out} (flushed, not closed): the same fields as {@link #write}, but
     * {@code generated_at} keeps milliseconds, as a recording's samples may be a second apart.
     */
    public static void writeLine(Snapshot snapshot, OutputStream out) throws IOException {
        write(snapshot, out, false);
    }

    private static void write(Snapshot snapshot, OutputStream out, boolean pretty) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            if (pretty) {
                g.setPrettyPrinter(serdeLikePrettyPrinter());
            }
            g.writeStartObject();
            g.writeStringField(VERSION, FORMAT_VERSION);
            g.writeStringField(GENERATED_AT, pretty ? formatGeneratedAt(snapshot.takenAt())
                    : snapshot.takenAt().truncatedTo(ChronoUnit.MILLIS).toString());
            g.writeStringField(SOURCE, clean(snapshot.source()));
            writeSystem(g, snapshot.system());
            g.writeArrayFieldStart(PROCESSES);
            for (ProcessSample p : snapshot.processes()) {
                writeProcess(g, p);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
        out.flush();
    }

    /** {@code takenAt} as upstream writes {@code generated_at}: UTC, whole seconds, {@code Z}. */
    /** The snapshot as JSON bytes (for HTTP bodies); writing to memory cannot fail. */
    public static byte[] toBytes(Snapshot snapshot) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(64 * 1024);
        try {
            write(snapshot, out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String formatGeneratedAt(Instant takenAt) {
        return GENERATED_AT_FORMAT.format(takenAt.truncatedTo(ChronoUnit.SECONDS));
    }

    private static DefaultPrettyPrinter serdeLikePrettyPrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators)
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        return printer;
    }

    /**
     * Writes the {@code "system"} field and its object as a snapshot has it (a recording's delta
     * lines carry it in the same shape).
     */
    public static void writeSystem(JsonGenerator g, SystemSample s) throws IOException {
        g.writeObjectFieldStart(SYSTEM);
        writeOptional(g, MEM_TOTAL, s.memTotalBytes());
        writeOptional(g, MEM_AVAILABLE, s.memAvailableBytes());
        writeOptional(g, SWAP_TOTAL, s.swapTotalBytes());
        writeOptional(g, SWAP_FREE, s.swapFreeBytes());
        writeOptional(g, LOAD1, s.load1());
        writeOptional(g, LOAD5, s.load5());
        writeOptional(g, LOAD15, s.load15());
        g.writeNumberField(CPU_COUNT, s.cpuCount());
        g.writeObjectFieldStart(CPU_USAGE_RATIO);
        for (Map.Entry<String, Double> e : s.cpuUsageRatio().entrySet()) {
            g.writeFieldName(clean(e.getKey()));
            writeDouble(g, e.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    /**
     * Writes one process object as a snapshot's {@code processes} array holds it (a recording's
     * delta lines diff and carry these objects, so every field the format has is in them).
     */
    public static void writeProcess(JsonGenerator g, ProcessSample p) throws IOException {
        g.writeStartObject();
        g.writeNumberField(PID, p.pid());
        g.writeStringField(NAME, clean(p.name()));
        g.writeStringField(GROUP, clean(p.group().group()));
        g.writeStringField(SUBGROUP, clean(p.group().subgroup()));
        g.writeNumberField(RSS, p.rssBytes());
        writeOptional(g, PSS, p.pssBytes());
        writeOptional(g, USS, p.ussBytes());
        g.writeFieldName(CPU_PERCENT);
        writeDouble(g, p.cpuPercent());
        g.writeFieldName(CPU_TIME_SECONDS);
        writeDouble(g, p.cpuTimeSeconds());
        writeExtras(g, p);
        g.writeEndObject();
    }

    private static void writeExtras(JsonGenerator g, ProcessSample p) throws IOException {
        g.writeNumberField(PPID, p.ppid());
        g.writeStringField(CMDLINE, clean(p.cmdline()));
        if (p.uid() < 0) {
            g.writeNullField(UID);
        } else {
            g.writeNumberField(UID, p.uid());
        }
        g.writeStringField(USER, clean(p.user()));
        if (p.state() == '?') {
            g.writeNullField(STATE);
        } else {
            g.writeStringField(STATE, clean(String.valueOf(p.state())));
        }
        g.writeNumberField(THREADS, p.threads());
        if (p.startTime() == null) {
            g.writeNullField(START_TIME);
        } else {
            g.writeStringField(START_TIME, p.startTime().toString());
        }
        MemoryBreakdown m = p.memory();
        writeOptional(g, SWAP, m.swap());
        writeOptional(g, RSS_ANON, m.rssAnon());
        writeOptional(g, RSS_FILE, m.rssFile());
        writeOptional(g, RSS_SHMEM, m.rssShmem());
        writeOptional(g, PSS_ANON, m.pssAnon());
        writeOptional(g, PSS_FILE, m.pssFile());
        writeOptional(g, PSS_SHMEM, m.pssShmem());
        writeOptional(g, SWAP_PSS, m.swapPss());
        g.writeStringField(MATCHED_RULE, clean(p.matchedRule()));
    }

    private static void writeOptional(JsonGenerator g, String field, OptionalLong value) throws IOException {
        if (value.isPresent()) {
            g.writeNumberField(field, value.getAsLong());
        } else {
            g.writeNullField(field);
        }
    }

    private static void writeOptional(JsonGenerator g, String field, OptionalDouble value) throws IOException {
        g.writeFieldName(field);
        if (value.isPresent()) {
            writeDouble(g, value.getAsDouble());
        } else {
            g.writeNull();
        }
    }

    /** A CPU figure or ratio; never negative or non-finite, which our reader would refuse. */
    private static void writeDouble(JsonGenerator g, double v) throws IOException {
        g.writeNumber(Double.isFinite(v) && v >= 0 ? v : 0.0);
    }

    /** {@code s} with unpaired surrogates replaced by U+FFFD; the same instance when it has none. */
    static String clean(String s) {
        return Text.withoutUnpairedSurrogates(s);
    }
}
