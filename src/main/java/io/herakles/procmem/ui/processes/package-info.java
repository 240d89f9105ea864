/** JavaFX UI (processes). May import {@code model}, {@code config} and other {@code ui} packages; never {@code collect}, {@code classify} or {@code export} (the {@code ui.app} composition root excepted). */
package io.herakles.procmem.ui.processes;
