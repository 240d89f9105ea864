/** Classification rules (built-in resource, custom files) and matching by name and command-line regex. May import {@code model} and {@code config}. */
package io.herakles.procmem.classify;
