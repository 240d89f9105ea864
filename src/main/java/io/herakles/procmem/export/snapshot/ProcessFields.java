package io.herakles.procmem.export.snapshot;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The typed fields of one process object, as {@link SnapshotJsonReader} reads them: from a tree
 * ({@link FieldReader}, which names what is wrong) or from tokens as they stream by
 * ({@link StreamedFields}, which only says that something is). The rules ("required", "nullable",
 * "optional") are {@link FieldReader}'s.
 */
interface ProcessFields {

    String requiredString(String field) throws SnapshotFileException;

    String optionalString(String field, String otherwise) throws SnapshotFileException;

    long requiredSize(String field) throws SnapshotFileException;

    OptionalLong nullableSize(String field) throws SnapshotFileException;

    OptionalLong optionalSize(String field) throws SnapshotFileException;

    int optionalCount(String field, int otherwise) throws SnapshotFileException;

    double requiredCpu(String field) throws SnapshotFileException;

    char optionalState(String field) throws SnapshotFileException;

    Optional<Instant> optionalInstant(String field) throws SnapshotFileException;
}
