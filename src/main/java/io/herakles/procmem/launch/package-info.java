/**
 * Starting the JVM the app runs in: {@code java -jar} cannot carry JVM flags, so a plain start
 * re-executes the same java with footprint-minded flags once ({@link Relauncher}), and the child
 * watches its launcher ({@link LauncherWatch}). Imports nothing of ours and no library; it runs
 * before the command line is parsed, so it must stay small and load little.
 */
package io.herakles.procmem.launch;
