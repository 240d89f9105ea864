package io.herakles.procmem.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.herakles.procmem.remote.HttpClients;
import io.herakles.procmem.remote.RemoteException;
import io.herakles.procmem.remote.RemoteTarget;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLException;

/**
 * Instant queries against the Prometheus HTTP API ({@code GET /api/v1/query}) with the JDK's HTTP
 * client and Jackson. Every way an answer can be wrong — no server, an HTML page, JSON that is not
 * the API's, an error the server reports, a time-out, a result of another shape — is a one-line
 * {@link FleetException} naming the URL (without credentials). Thread-safe.
 */
public final class PrometheusClient {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One series of an instant vector: its labels and value. */
    public record Sample(Map<String, String> labels, double value) {
        public Sample {
            labels = Map.copyOf(labels);
        }

        public String label(String name) {
            return labels.getOrDefault(name, "");
        }
    }

    private final RemoteTarget target;
    private final HttpClient client;
    private final Duration timeout;

    public PrometheusClient(RemoteTarget target) throws FleetException {
        this(target, DEFAULT_TIMEOUT);
    }

    public PrometheusClient(RemoteTarget target, Duration timeout) throws FleetException {
        this.target = target;
        this.timeout = timeout;
        try {
            this.client = HttpClients.forTarget(target);
        } catch (RemoteException e) {
            throw new FleetException(e.getMessage());
        }
    }

    public RemoteTarget target() {
        return target;
    }

    /** Runs {@code promql} now; the result must be an instant vector. */
    public List<Sample> vector(String promql) throws FleetException {
        URI uri = target.resolve("api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        JsonNode data = get(uri, promql);
        if (!"vector".equals(data.path("resultType").asText())) {
            throw shape("resultType '" + data.path("resultType").asText() + "' where a vector was expected", promql);
        }
        JsonNode result = data.path("result");
        if (!result.isArray()) {
            throw shape("no result array", promql);
        }
        List<Sample> out = new ArrayList<>(result.size());
        for (JsonNode series : result) {
            JsonNode value = series.path("value");
            if (!series.path("metric").isObject() || !value.isArray() || value.size() != 2 || !value.get(1).isTextual()) {
                throw shape("a series without metric labels and [time, \"value\"]", promql);
            }
            double v;
            try {
                v = Double.parseDouble(value.get(1).asText());
            } catch (NumberFormatException e) {
                throw shape("value '" + value.get(1).asText() + "' is not a number", promql);
            }
            Map<String, String> labels = new HashMap<>();
            for (Map.Entry<String, JsonNode> e : series.path("metric").properties()) {
                labels.put(e.getKey(), e.getValue().asText());
            }
            out.add(new Sample(labels, v));
        }
        return out;
    }

    /** One scrape target Prometheus knows: its {@code job} and {@code instance} labels and the URL it scrapes. */
    public record ScrapeTarget(String job, String instance, String scrapeUrl) {}

    /**
     * The active scrape targets ({@code GET /api/v1/targets?state=active}): where Prometheus
     * scrapes each {@code job}/{@code instance}, scheme and path included. Query-only servers
     * (Thanos Querier, Mimir) do not have this endpoint: callers treat a failure as "unknown".
     */
    public List<ScrapeTarget> activeTargets() throws FleetException {
        String what = "scrape targets";
        JsonNode data = get(target.resolve("api/v1/targets?state=active"), "api/v1/targets", what);
        JsonNode active = data.path("activeTargets");
        if (!active.isArray()) {
            throw shape("no activeTargets array", what);
        }
        List<ScrapeTarget> out = new ArrayList<>(active.size());
        for (JsonNode t : active) {
            JsonNode labels = t.path("labels");
            String url = t.path("scrapeUrl").asText("");
            if (labels.isObject() && !url.isEmpty()) {
                out.add(new ScrapeTarget(labels.path("job").asText(""), labels.path("instance").asText(""), url));
            }
        }
        return out;
    }

    private JsonNode get(URI uri, String promql) throws FleetException {
        return get(uri, "api/v1/query", promql);
    }

    private JsonNode get(URI uri, String endpoint, String promql) throws FleetException {
        String where = target.resolve(endpoint).toString();
        HttpResponse<byte[]> response;
        try {
            response = client.send(HttpClients.get(target, uri, timeout).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException e) {
            throw new FleetException("cannot reach Prometheus at " + target.display() + ": no connection within "
                    + RemoteTarget.CONNECT_TIMEOUT.toSeconds() + " s");
        } catch (HttpTimeoutException e) {
            throw new FleetException("Prometheus at " + target.display() + " did not answer within "
                    + timeout.toMillis() / 1000.0 + " s (query: " + promql + ")");
        } catch (IOException e) {
            throw new FleetException("cannot reach Prometheus at " + target.display() + ": " + reason(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FleetException("interrupted while asking " + where);
        }
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new FleetException(where + " answered " + status + ": " + (target.credentials().isPresent()
                    ? "user or password refused" : "needs a user and password"));
        }
        if (!type.contains("json")) {
            throw new FleetException(where + " answered HTTP " + status + " with "
                    + (type.isEmpty() ? "no content type" : type.split(";")[0])
                    + ", not the Prometheus query API: is this a Prometheus URL?");
        }
        JsonNode root;
        try {
            root = JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new FleetException(where + " answered invalid JSON: is this a Prometheus URL?");
        } catch (IOException e) {
            throw new FleetException(where + ": cannot read the answer: " + e.getMessage());
        }
        String apiStatus = root == null ? "" : root.path("status").asText("");
        if (apiStatus.equals("error")) {
            throw new FleetException("Prometheus refused the query (" + root.path("errorType").asText("error") + "): "
                    + root.path("error").asText("") + " — query: " + promql);
        }
        if (!apiStatus.equals("success") || !root.path("data").isObject()) {
            throw new FleetException(where + " answered JSON that is not a Prometheus query API answer"
                    + " (no status/data): is this a Prometheus URL?");
        }
        return root.path("data");
    }

    private static String reason(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof SSLException) {
                return "TLS: " + oneLine(t);
            }
        }
        return oneLine(e);
    }

    private static String oneLine(Throwable t) {
        return String.valueOf(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage())
                .replaceAll("\\s*\\R\\s*", " ");
    }

    private static FleetException shape(String what, String promql) {
        return new FleetException("unexpected answer shape from Prometheus: " + what + " (query: " + promql + ")");
    }
}
