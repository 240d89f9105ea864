/**
 * The one composition of a running system, shared by {@code --exporter} and the desktop's Serve
 * metrics switch: rules, the live or snapshot-file source, buffer health and the exporter server
 * with all its routes, built from one {@code ExporterConfig}; and memory maps on demand
 * ({@code MemoryMaps}) for the {@code maps} command and the desktop. May import everything except
 * {@code cli} and {@code ui}; {@code cli} and {@code ui.app} are its only users.
 */
package io.herakles.procmem.runtime;
