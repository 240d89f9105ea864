package io.herakles.procmem.engine;

/**
 * Child process for {@link LiveProcTest} when python3 is missing: allocates and touches N MiB,
 * prints {@code ready PID}, then sleeps until killed (or 10 minutes pass). Tests only.
 */
public final class MemHog {

    private MemHog() {}

    public static void main(String[] args) throws Exception {
        int mib = Integer.parseInt(args[0]);
        byte[] block = new byte[mib << 20];
        for (int i = 0; i < block.length; i += 4096) {
            block[i] = 1;
        }
        System.out.println("ready " + ProcessHandle.current().pid());
        System.out.flush();
        Thread.sleep(600_000);
        System.out.println(block[4096]);
    }
}
