/** Picocli commands and exit codes; {@code --exporter} runs the {@code runtime} composition. May import everything except {@code ui}; the only place that writes to {@code System.out}. */
package io.herakles.procmem.cli;
