package io.herakles.procmem.classify;

import io.herakles.procmem.model.GroupKey;

/**
 * Where one pattern leads after merging: its subgroup, the file that defined it last, and the
 * position of that definition among all definitions (later = higher; later definitions win).
 */
record PatternOwner(GroupKey key, String source, int sequence) {}
