/**
 * The "Leak suspects" tab: processes whose memory grows steadily across the open recording,
 * computed by {@code analysis.LeakFinder} off the FX thread. Sees {@code model}, {@code analysis}
 * and {@code ui.store}.
 */
package io.herakles.procmem.ui.leaks;
