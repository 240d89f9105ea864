package io.herakles.procmem.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs the command line in this JVM with captured streams and no environment (no config file is found by env). */
record InProcessCli(int exitCode, String stdout, String stderr) {

    static InProcessCli run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        Launch launch = HeraklesCli.launch(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8), errStream);
        int code = launch.opensDesktop() ? launch.exitCode() : HeraklesCli.runHeadless(launch, errStream);
        return new InProcessCli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
