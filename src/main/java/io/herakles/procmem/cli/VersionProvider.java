package io.herakles.procmem.cli;

import io.herakles.procmem.runtime.Version;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: this build's {@link Version}. */
final class VersionProvider implements IVersionProvider {

    static String version() {
        return Version.current();
    }

    @Override
    public String[] getVersion() {
        return new String[] {"herakles-proc-mem " + version()};
    }
}
