/** The Compare… window's diff table. Sees {@code model}, {@code analysis} and {@code ui.common}. */
package io.herakles.procmem.ui.compare;
