/** Snapshot JSON (upstream's test-data format) write/read and a replaying snapshot source. May import {@code model} (and Jackson). */
package io.herakles.procmem.export.testdata;
