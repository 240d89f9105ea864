package io.herakles.procmem.cli;

import picocli.CommandLine.IVersionProvider;

/** Version from the jar manifest (Maven writes it), "dev" when run from classes. */
final class VersionProvider implements IVersionProvider {

    static String version() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"herakles-proc-mem " + version()};
    }
}
