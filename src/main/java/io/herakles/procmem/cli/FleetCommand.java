package io.herakles.procmem.cli;

import io.herakles.procmem.fleet.Fleet;
import io.herakles.procmem.fleet.FleetException;
import io.herakles.procmem.fleet.FleetQueries;
import io.herakles.procmem.fleet.FleetReader;
import io.herakles.procmem.fleet.FleetReport;
import io.herakles.procmem.fleet.PrometheusClient;
import io.herakles.procmem.remote.RemoteTarget;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code fleet --prometheus URL}: every host's memory as Prometheus holds it (the herakles metrics
 * of all scraped exporters), as text tables or JSON. Anything wrong with the server or its answer
 * is one line on stderr and exit 1.
 */
@Command(name = "fleet", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Show every host's memory from Prometheus (or Thanos, Mimir, VictoriaMetrics): hosts with"
                + " memory, CPU, scrape health and the subgroups that grew most, then each host's largest subgroups.",
            "The PromQL is documented in docs/FLEET.md."})
final class FleetCommand implements Callable<Integer> {

    /** Lower case: the values users type and the help lists. */
    enum Format { text, json }

    @ParentCommand
    RootCommand root;

    @Option(names = "--prometheus", required = true, paramLabel = "URL",
            description = "Base URL of the Prometheus query API, e.g. http://prometheus:9090 (user:password@ accepted).")
    String prometheus;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--top", paramLabel = "N", defaultValue = "5",
            description = "Largest subgroups shown per host (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--selector", paramLabel = "MATCHERS",
            description = "Only series with these labels, PromQL matchers: e.g. 'job=\"nodes\",env=~\"prod.*\"'.")
    String selector;

    @Option(names = "--prometheus-credentials", paramLabel = "FILE",
            description = "Basic-auth user:password in a file only you can read.")
    Path credentials;

    @Option(names = "--prometheus-ca-file", paramLabel = "FILE", description = "PEM CA certificate(s) for HTTPS.")
    Path caFile;

    @Option(names = "--prometheus-fingerprint", paramLabel = "SHA256",
            description = "Trust exactly the server certificate with this SHA-256 fingerprint.")
    String fingerprint;

    @Override
    public Integer call() {
        if (top < 0) {
            throw new UserError("--top must be 0 or more, not " + top);
        }
        RemoteTarget target = RemoteTargets.fromOptions(prometheus, credentials, caFile, fingerprint);
        Fleet fleet;
        try {
            fleet = new FleetReader(new PrometheusClient(target),
                    new FleetQueries(selector == null ? "" : selector)).read();
        } catch (FleetException e) {
            throw new UserError(e.getMessage());
        }
        root.out.print(format == Format.json ? FleetReport.json(fleet, top) : FleetReport.text(fleet, top));
        root.out.flush();
        return ExitCodes.OK;
    }
}
