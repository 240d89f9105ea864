/** Everything that touches {@code /proc}: {@code ProcFs} with a configurable root, total parsers, per-pid caches, CPU delta maths. May import {@code model} and {@code config}. */
package io.herakles.procmem.collect;
