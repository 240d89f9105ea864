/**
 * What is inside one process's address space, and what shared mappings cost across processes:
 * immutable records of {@code /proc/PID/smaps} ({@code Mapping}, {@code MappingSizes},
 * {@code ProcessMaps}), their pure groupings ({@code MapsGrouping}) and the cross-process report
 * ({@code SharedMemoryReport}). Part of {@code model}: imports nothing of ours outside {@code model},
 * no library; read by {@code collect}, {@code cli} and the UI alike.
 */
package io.herakles.procmem.model.maps;
