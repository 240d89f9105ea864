import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small, bounded load client for {@code /metrics} on the loopback interface; run with
 * {@code java scripts/ScrapeLoad.java MODE URL ...}. Plain HTTP/1.1 over keep-alive sockets (one
 * per client), so the client itself costs little next to the server it measures.
 *
 * <pre>
 *   latency URL COUNT plain|gzip            COUNT sequential scrapes on one connection (after 3
 *                                           unmeasured): p50_ms p99_ms min_ms max_ms bytes
 *   load    URL CLIENTS SECONDS plain|gzip  CLIENTS connections scraping back to back for SECONDS:
 *                                           requests rps p50_ms p99_ms errors status_503
 * </pre>
 *
 * "gzip" asks as Prometheus does (its {@code Accept} header and {@code Accept-Encoding: gzip});
 * "plain" sends neither. Prints one line of key=value pairs. Only 127.0.0.0/8, localhost and
 * [::1]; at most 64 clients, 3600 seconds and 100000 scrapes; every read has a 60 s timeout.
 */
public final class ScrapeLoad {

    private static final String PROMETHEUS_ACCEPT = "application/openmetrics-text;version=1.0.0,"
            + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";
    private static final int TIMEOUT_MS = 60_000;

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            usage("expected MODE URL ... (see the comment at the top of ScrapeLoad.java)");
        }
        URI url = loopbackUrl(args[1]);
        switch (args[0]) {
            case "latency" -> latency(url, bounded(args[2], "COUNT", 1, 100_000), gzip(args[3]));
            case "load" -> {
                if (args.length < 5) {
                    usage("load URL CLIENTS SECONDS plain|gzip");
                }
                load(url, bounded(args[2], "CLIENTS", 1, 64), bounded(args[3], "SECONDS", 1, 3600), gzip(args[4]));
            }
            default -> usage("unknown mode '" + args[0] + "' (latency or load)");
        }
    }

    private static void latency(URI url, int count, boolean gzip) throws IOException {
        try (Scraper s = new Scraper(url, gzip)) {
            for (int i = 0; i < 3; i++) {
                s.scrape();
            }
            long[] nanos = new long[count];
            long bytes = 0;
            for (int i = 0; i < count; i++) {
                long t0 = System.nanoTime();
                Scraper.Answer a = s.scrape();
                nanos[i] = System.nanoTime() - t0;
                if (a.status() != 200) {
                    throw new IOException("HTTP " + a.status() + " from " + url);
                }
                bytes = a.bytes();
            }
            Arrays.sort(nanos);
            System.out.printf(Locale.ROOT, "p50_ms=%.2f p99_ms=%.2f min_ms=%.2f max_ms=%.2f bytes=%d scrapes=%d%n",
                    ms(percentile(nanos, 50)), ms(percentile(nanos, 99)), ms(nanos[0]), ms(nanos[count - 1]), bytes,
                    count);
        }
    }

    private static void load(URI url, int clients, int seconds, boolean gzip) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        AtomicLong unavailable = new AtomicLong();
        List<Histogram> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Histogram mine = new Histogram();
            latencies.add(mine);
            threads.add(new Thread(() -> {
                Scraper s = null;
                try {
                    while (System.nanoTime() < deadline) {
                        if (s == null) {
                            s = new Scraper(url, gzip);
                        }
                        long t0 = System.nanoTime();
                        try {
                            Scraper.Answer a = s.scrape();
                            if (a.status() == 503) {
                                unavailable.incrementAndGet();
                            } else if (a.status() != 200) {
                                errors.incrementAndGet();
                            }
                            mine.record(System.nanoTime() - t0);
                            if (a.closed()) {
                                s.close();
                                s = null;
                            }
                        } catch (IOException e) {
                            errors.incrementAndGet();
                            s.close();
                            s = null;
                        }
                    }
                } catch (IOException e) {
                    errors.incrementAndGet(); // could not connect
                } finally {
                    if (s != null) {
                        s.close();
                    }
                }
            }, "scrape-load-" + c));
        }
        long start = System.nanoTime();
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        Histogram all = new Histogram();
        latencies.forEach(all::add);
        System.out.printf(Locale.ROOT, "requests=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f errors=%d status_503=%d clients=%d"
                        + " seconds=%.1f%n", all.count, all.count / elapsed, ms(all.percentile(50)),
                ms(all.percentile(99)), errors.get(), unavailable.get(), clients, elapsed);
    }

    /** Latencies in buckets 1 % wide from 1 µs to beyond 60 s: fixed memory however long the run. */
    private static final class Histogram {
        private static final double WIDTH = Math.log(1.01);
        private final long[] buckets = new long[bucket(120_000_000_000L) + 1];
        private long count;

        private static int bucket(long nanos) {
            return (int) (Math.log(Math.max(1, nanos / 1000.0)) / WIDTH);
        }

        void record(long nanos) {
            buckets[Math.min(buckets.length - 1, bucket(nanos))]++;
            count++;
        }

        void add(Histogram other) {
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] += other.buckets[i];
            }
            count += other.count;
        }

        /** The upper bound of the bucket holding the p-th percentile, nanoseconds; 0 when empty. */
        long percentile(int p) {
            long rank = (long) Math.ceil(p / 100.0 * count);
            long seen = 0;
            for (int i = 0; i < buckets.length && count > 0; i++) {
                seen += buckets[i];
                if (seen >= rank) {
                    return (long) (Math.exp((i + 1) * WIDTH) * 1000);
                }
            }
            return 0;
        }
    }

    /** One keep-alive connection. Confined to one thread. */
    private static final class Scraper implements AutoCloseable {
        record Answer(int status, long bytes, boolean closed) {}

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final byte[] request;
        private final byte[] sink = new byte[64 * 1024];

        Scraper(URI url, boolean gzip) throws IOException {
            socket = new Socket();
            socket.connect(new InetSocketAddress(InetAddress.getByName(url.getHost()), url.getPort()), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            out = socket.getOutputStream();
            String path = url.getRawPath().isEmpty() ? "/" : url.getRawPath();
            String headers = "GET " + path + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort() + "\r\n"
                    + (gzip ? "Accept: " + PROMETHEUS_ACCEPT + "\r\nAccept-Encoding: gzip\r\n" : "") + "\r\n";
            request = headers.getBytes(StandardCharsets.US_ASCII);
        }

        Answer scrape() throws IOException {
            out.write(request);
            out.flush();
            String status = line();
            String[] parts = status.split(" ");
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP response: " + status);
            }
            long length = -1;
            boolean chunked = false;
            boolean closed = false;
            for (String h = line(); !h.isEmpty(); h = line()) {
                String lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(h.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    closed = true;
                }
            }
            long bytes = chunked ? chunks() : length >= 0 ? skip(length) : -1;
            if (bytes < 0) {
                throw new IOException("response without a length: " + status);
            }
            return new Answer(Integer.parseInt(parts[1]), bytes, closed);
        }

        private long chunks() throws IOException {
            long total = 0;
            while (true) {
                String size = line();
                int semi = size.indexOf(';');
                long n = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
                if (n == 0) {
                    while (!line().isEmpty()) {
                        // trailers
                    }
                    return total;
                }
                total += skip(n);
                line();
            }
        }

        private long skip(long n) throws IOException {
            long left = n;
            while (left > 0) {
                int r = in.read(sink, 0, (int) Math.min(sink.length, left));
                if (r < 0) {
                    throw new IOException("connection closed mid-body");
                }
                left -= r;
            }
            return n;
        }

        private String line() throws IOException {
            StringBuilder sb = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    sb.append((char) c);
                }
                if (sb.length() > 16 * 1024) {
                    throw new IOException("header line too long");
                }
            }
            return sb.toString();
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private static URI loopbackUrl(String s) throws IOException {
        URI u = URI.create(s);
        if (!"http".equals(u.getScheme()) || u.getHost() == null || u.getPort() < 1 || u.getUserInfo() != null) {
            usage("URL must be http://HOST:PORT/path on the loopback interface, got " + s);
        }
        for (InetAddress a : InetAddress.getAllByName(u.getHost())) {
            if (!a.isLoopbackAddress()) {
                usage("refusing non-loopback target " + u.getHost());
            }
        }
        return u;
    }

    private static int bounded(String value, String name, int min, int max) {
        try {
            int v = Integer.parseInt(value);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        usage(name + " must be " + min + ".." + max + ", got '" + value + "'");
        return 0;
    }

    private static boolean gzip(String value) {
        if (!value.equals("plain") && !value.equals("gzip")) {
            usage("expected plain or gzip, got '" + value + "'");
        }
        return value.equals("gzip");
    }

    private static long percentile(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static void usage(String message) {
        System.err.println("ScrapeLoad: " + message);
        System.exit(2);
    }
}
