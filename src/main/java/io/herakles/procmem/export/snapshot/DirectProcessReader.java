package io.herakles.procmem.export.snapshot;

import static io.herakles.procmem.export.snapshot.JsonFields.*;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.herakles.procmem.model.GroupKey;
import io.herakles.procmem.model.MemoryBreakdown;
import io.herakles.procmem.model.ProcessSample;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;

/**
 * Reads one process object of a snapshot straight from the parser's tokens into a
 * {@link ProcessSample}, with no tree in between: the well-formed case only, with exactly the values
 * {@code SnapshotJsonReader}'s field-by-field reading gives. Anything else (a missing or mistyped
 * field, a value out of range, a huge number) makes it give up, and the caller reads the whole
 * document again the strict way, whose one-line message then names the problem. Why: a process
 * object's tree (an object node and its map, a node per value) was a third of decoding a
 * recording's keyframe, and a keyframe is most of a jump on the timeline. Not thread-safe; one
 * instance per document.
 */
final class DirectProcessReader {

    /** The document is not the common well-formed case; read it the strict way. */
    static final class NotPlain extends Exception {
        private static final long serialVersionUID = 1L;

        NotPlain() {
            super(null, null, false, false);
        }
    }

    private static final NotPlain NOT_PLAIN = new NotPlain();

    private final UnaryOperator<String> strings;

    private int pid;
    private String name;
    private String group;
    private String subgroup;
    private long rss;
    private boolean pssSeen;
    private OptionalLong pss;
    private boolean ussSeen;
    private OptionalLong uss;
    private double cpuPercent;
    private double cpuTimeSeconds;
    private int ppid;
    private String cmdline;
    private int uid;
    private String user;
    private char state;
    private int threads;
    private Instant startTime;
    private String matchedRule;
    private final OptionalLong[] memory = new OptionalLong[8];
    /** The field names of the object being read, for duplicates (see {@link #read}). */
    private final String[] names = new String[64];
    private int nameCount;
    private long nameBits;

    /**
     * {@code strings} gives the instance to keep of each text read (names, command lines, users,
     * groups, rules): a recording passes a pool, so that its decoded samples share one copy of each.
     */
    DirectProcessReader(UnaryOperator<String> strings) {
        this.strings = strings;
    }

    /**
     * The process object at the parser's current token ({@code START_OBJECT}); leaves the parser on
     * its end. The parser's duplicate detection is switched off for this object alone (its context;
     * the parser reuses it for the next element, and the context of the array around it keeps its
     * detection, so objects after the array are checked as before): it built a hash set of field
     * names per object, a sixth of decoding a keyframe. Duplicates are found here instead, by name,
     * and the parser's detection is switched on for a nested value of a field this version does not
     * read.
     */
    ProcessSample read(JsonParser p) throws IOException, NotPlain {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw NOT_PLAIN;
        }
        p.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        reset();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            firstTime(field);
            p.nextToken();
            field(field, p);
        }
        if (t != JsonToken.END_OBJECT || pid <= 0 || name == null || group == null || subgroup == null || rss < 0
                || !pssSeen || !ussSeen || Double.isNaN(cpuPercent) || Double.isNaN(cpuTimeSeconds)) {
            throw NOT_PLAIN;
        }
        return ProcessSample.builder(pid, name)
                .group(new GroupKey(group, subgroup))
                .rssBytes(rss)
                .pssBytes(pss)
                .ussBytes(uss)
                .cpuPercent(cpuPercent)
                .cpuTimeSeconds(cpuTimeSeconds)
                .ppid(ppid)
                .cmdline(cmdline)
                .uid(uid)
                .user(user)
                .state(state)
                .threads(threads)
                .startTime(startTime)
                .matchedRule(matchedRule)
                .memory(new MemoryBreakdown(memory[0], memory[1], memory[2], memory[3], memory[4], memory[5],
                        memory[6], memory[7]))
                .build();
    }

    /**
     * Refuses a field name the object already had (the strict read then names it). A bit per name's
     * hash says which names may have been seen, so that only those are compared.
     */
    private void firstTime(String field) throws NotPlain {
        int hash = field.hashCode();
        long bit = 1L << (hash & 63);
        if ((nameBits & bit) != 0) {
            for (int i = 0; i < nameCount; i++) {
                String seen = names[i];
                if (seen == field || seen.hashCode() == hash && seen.equals(field)) {
                    throw NOT_PLAIN;
                }
            }
        }
        if (nameCount == names.length) {
            throw NOT_PLAIN;     // an object this large is no process we wrote
        }
        nameBits |= bit;
        names[nameCount++] = field;
    }

    private void reset() {
        nameCount = 0;
        nameBits = 0;
        pid = 0;
        name = null;
        group = null;
        subgroup = null;
        rss = -1;
        pssSeen = false;
        pss = null;
        ussSeen = false;
        uss = null;
        cpuPercent = Double.NaN;
        cpuTimeSeconds = Double.NaN;
        ppid = 0;
        cmdline = "";
        uid = -1;
        user = "";
        state = '?';
        threads = 0;
        startTime = null;
        matchedRule = "";
        java.util.Arrays.fill(memory, OptionalLong.empty());
    }

    private void field(String field, JsonParser p) throws IOException, NotPlain {
        switch (field) {
            case PID -> pid = positiveInt(p);
            case NAME -> name = string(p);
            case GROUP -> group = string(p);
            case SUBGROUP -> subgroup = string(p);
            case RSS -> rss = size(p);
            case PSS -> {
                pss = nullableSize(p);
                pssSeen = true;
            }
            case USS -> {
                uss = nullableSize(p);
                ussSeen = true;
            }
            case CPU_PERCENT -> cpuPercent = cpu(p);
            case CPU_TIME_SECONDS -> cpuTimeSeconds = cpu(p);
            case PPID -> ppid = isNull(p) ? 0 : count(p);
            case CMDLINE -> cmdline = isNull(p) ? "" : string(p);
            case UID -> uid = isNull(p) ? -1 : count(p);
            case USER -> user = isNull(p) ? "" : string(p);
            case STATE -> state = isNull(p) ? '?' : letter(p);
            case THREADS -> threads = isNull(p) ? 0 : count(p);
            case START_TIME -> startTime = isNull(p) ? null : instant(p);
            case MATCHED_RULE -> matchedRule = isNull(p) ? "" : string(p);
            case RSS_ANON -> memory[0] = nullableSize(p);
            case RSS_FILE -> memory[1] = nullableSize(p);
            case RSS_SHMEM -> memory[2] = nullableSize(p);
            case SWAP -> memory[3] = nullableSize(p);
            case PSS_ANON -> memory[4] = nullableSize(p);
            case PSS_FILE -> memory[5] = nullableSize(p);
            case PSS_SHMEM -> memory[6] = nullableSize(p);
            case SWAP_PSS -> memory[7] = nullableSize(p);
            default -> skipUnknown(p);
        }
    }

    /** A field this version does not read, ignored as the tree path ignores it; duplicate keys inside it still refused. */
    private static void skipUnknown(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);    // for the value just opened
            p.skipChildren();
            p.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);   // back in the process object
        }
    }

    private static boolean isNull(JsonParser p) {
        return p.currentToken() == JsonToken.VALUE_NULL;
    }

    private String string(JsonParser p) throws IOException, NotPlain {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw NOT_PLAIN;
        }
        return strings.apply(p.getText());
    }

    private static char letter(JsonParser p) throws IOException, NotPlain {
        if (p.currentToken() != JsonToken.VALUE_STRING || p.getTextLength() != 1) {
            throw NOT_PLAIN;
        }
        return p.getTextCharacters()[p.getTextOffset()];
    }

    /** An integer that fits a long (a bigger one is the strict path's "too large"). */
    private static long integer(JsonParser p) throws IOException, NotPlain {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw NOT_PLAIN;
        }
        return p.getLongValue();
    }

    private static int positiveInt(JsonParser p) throws IOException, NotPlain {
        long v = integer(p);
        if (v <= 0 || v > Integer.MAX_VALUE) {
            throw NOT_PLAIN;
        }
        return (int) v;
    }

    private static int count(JsonParser p) throws IOException, NotPlain {
        long v = integer(p);
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw NOT_PLAIN;
        }
        return (int) v;
    }

    private static long size(JsonParser p) throws IOException, NotPlain {
        long v = integer(p);
        if (v < 0) {
            throw NOT_PLAIN;
        }
        return v;
    }

    private static OptionalLong nullableSize(JsonParser p) throws IOException, NotPlain {
        return isNull(p) ? OptionalLong.empty() : OptionalLong.of(size(p));
    }

    private static double cpu(JsonParser p) throws IOException, NotPlain {
        JsonToken t = p.currentToken();
        // as the tree's number nodes give their double (a huge integer too)
        boolean plainNumber = t == JsonToken.VALUE_NUMBER_INT
                || t == JsonToken.VALUE_NUMBER_FLOAT && p.getNumberType() != JsonParser.NumberType.BIG_DECIMAL;
        if (!plainNumber) {
            throw NOT_PLAIN;
        }
        double v = p.getDoubleValue();
        if (!Double.isFinite(v) || v < 0) {
            throw NOT_PLAIN;
        }
        return v;
    }

    private static Instant instant(JsonParser p) throws IOException, NotPlain {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw NOT_PLAIN;
        }
        Optional<Instant> parsed = FieldReader.parseInstant(p.getText());
        if (parsed.isEmpty()) {
            throw NOT_PLAIN;
        }
        return parsed.get();
    }
}
