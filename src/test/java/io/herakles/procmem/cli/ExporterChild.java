package io.herakles.procmem.cli;

import io.herakles.procmem.testsupport.Exposition;
import io.herakles.procmem.testsupport.HeraklesLauncher;
import io.herakles.procmem.testsupport.HttpProbe;
import io.herakles.procmem.testsupport.HttpProbe.Reply;
import io.herakles.procmem.testsupport.Poll;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code --exporter --bind 127.0.0.1 -p <free port>} of the packaged jar in a child JVM, started and
 * waited for (bounded) until {@code /metrics} answers. Always close it.
 */
final class ExporterChild implements AutoCloseable {

    static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final HeraklesLauncher.Running running;
    private final int port;

    private ExporterChild(HeraklesLauncher.Running running, int port) {
        this.running = running;
        this.port = port;
    }

    /** Starts the exporter with {@code extraArgs} after the listen flags and waits for {@code /metrics}. */
    static ExporterChild start(HeraklesLauncher herakles, String... extraArgs) throws IOException, InterruptedException {
        return start(herakles, true, extraArgs);
    }

    /**
     * As {@link #start(HeraklesLauncher, String...)}; without {@code exporterFlag} the launcher is
     * left to choose the exporter itself because there is no display.
     */
    static ExporterChild start(HeraklesLauncher herakles, boolean exporterFlag, String... extraArgs)
            throws IOException, InterruptedException {
        int port = HttpProbe.freePort();
        List<String> args = new ArrayList<>(List.of("--bind", "127.0.0.1", "-p", Integer.toString(port)));
        if (exporterFlag) {
            args.add(0, "--exporter");
        }
        args.addAll(List.of(extraArgs));
        ExporterChild child = new ExporterChild(herakles.start(args.toArray(String[]::new)), port);
        try {
            HttpProbe.awaitOk(port, "/metrics", START_TIMEOUT, child.running.process()::isAlive, child::diagnostics);
            return child;
        } catch (RuntimeException | Error | InterruptedException e) {
            child.close();
            throw e;
        }
    }

    int port() {
        return port;
    }

    long pid() {
        return running.pid();
    }

    HeraklesLauncher.Running running() {
        return running;
    }

    Reply get(String path) throws IOException, InterruptedException {
        return HttpProbe.get(port, path);
    }

    Exposition metrics() throws IOException, InterruptedException {
        Reply r = get("/metrics");
        if (r.status() != 200) {
            throw new AssertionError("/metrics answered " + r.status() + "\n" + diagnostics());
        }
        return Exposition.parse(r.body());
    }

    /** Scrapes every 250 ms until {@code condition} holds; fails after {@code timeout}. */
    Exposition awaitMetrics(Predicate<Exposition> condition, Duration timeout, String what) throws InterruptedException {
        return Poll.atMost(timeout).every(Duration.ofMillis(250)).until(what, () -> {
            if (!running.process().isAlive()) {
                throw new AssertionError("exporter died while waiting for " + what + "\n" + diagnostics());
            }
            Exposition e = metrics();
            return condition.test(e) ? Optional.of(e) : Optional.empty();
        }, this::diagnostics);
    }

    String diagnostics() {
        String out = running.stdout();
        return "exporter pid " + running.pid() + (running.process().isAlive() ? " (alive)" : " (exited)")
                + "\n--- stderr ---\n" + running.stderr()
                + "\n--- stdout (tail) ---\n" + (out.length() > 2000 ? out.substring(out.length() - 2000) : out);
    }

    @Override
    public void close() {
        running.close();
    }
}
