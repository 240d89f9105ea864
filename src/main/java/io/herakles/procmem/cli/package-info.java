/** Picocli commands, exit codes and the headless composition root. May import everything except {@code ui}; the only place that writes to {@code System.out}. */
package io.herakles.procmem.cli;
