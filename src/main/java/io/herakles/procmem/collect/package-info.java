/**
 * Everything that touches {@code /proc}: {@code ProcFs} with a configurable root, total parsers,
 * per-pid reads, CPU delta maths, and memory maps on demand ({@code SmapsParser}, {@code MapsReader},
 * {@code SharedMappingScan}; never in the engine's pass). May import {@code model} and {@code config}.
 *
 * <p>Parsers never throw: a vanished process, a denied file or a malformed line yields an absent
 * value, and {@link io.herakles.procmem.collect.PidReader#lastOutcome()} says which of "vanished",
 * "denied" and "unavailable" it was, so the engine can count them without logging per pid. Text is
 * decoded as lenient UTF-8 (invalid bytes become U+FFFD). Files are read through one reusable
 * buffer per thread ({@link io.herakles.procmem.collect.ProcFileReader}).
 */
package io.herakles.procmem.collect;
