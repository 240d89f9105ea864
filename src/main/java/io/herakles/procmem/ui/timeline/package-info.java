/**
 * The timeline under the toolbar while a recording is open: scrub, play, "Back to live". Sees only
 * {@code model} and {@code ui.store}.
 */
package io.herakles.procmem.ui.timeline;
