package io.herakles.procmem.fleet;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.herakles.procmem.remote.HttpClients;
import io.herakles.procmem.remote.RemoteException;
import io.herakles.procmem.remote.RemoteTarget;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.function.Consumer;
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
        List<Sample> out = new ArrayList<>();
        vector(promql, out::add);
        return out;
    }

    /**
     * Runs {@code promql} now and hands each series of the instant vector to {@code each} as it is
     * read from the answer, which is never held whole: a fleet's subgroup query is 150,000 series
     * (20 MB of JSON) at 1,000 hosts, more than the desktop's heap should hold at once as a tree.
     */
    public void vector(String promql, Consumer<Sample> each) throws FleetException {
        URI uri = target.resolve("api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        send(uri, "api/v1/query", promql, p -> {
            String resultType = null;
            boolean sawResult = false;
            expect(p, JsonToken.START_OBJECT, "data is not an object", promql);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals("resultType")) {
                    resultType = p.getValueAsString("");
                } else if (field.equals("result")) {
                    sawResult = true;
                    if (resultType != null && !resultType.equals("vector")) {
                        throw shape("resultType '" + resultType + "' where a vector was expected", promql);
                    }
                    readSeries(p, promql, each);
                } else {
                    p.skipChildren();
                }
            }
            if (resultType != null && !resultType.equals("vector")) {
                throw shape("resultType '" + resultType + "' where a vector was expected", promql);
            }
            if (!sawResult) {
                throw shape("no result array", promql);
            }
            return null;
        });
    }

    /** The {@code result} array, one {@code {"metric": {...}, "value": [t, "v"]}} at a time. */
    private static void readSeries(JsonParser p, String promql, Consumer<Sample> each) throws IOException, FleetException {
        expect(p, JsonToken.START_ARRAY, "no result array", promql);
        while (p.nextToken() == JsonToken.START_OBJECT) {
            Map<String, String> labels = null;
            String value = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                if (field.equals("metric") && t == JsonToken.START_OBJECT) {
                    labels = new HashMap<>(8);
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        p.nextToken();
                        labels.put(name, p.getValueAsString(""));
                    }
                } else if (field.equals("value") && t == JsonToken.START_ARRAY) {
                    p.nextToken(); // the time
                    JsonToken v = p.nextToken();
                    value = v == JsonToken.VALUE_STRING ? p.getText() : null;
                    while (p.nextToken() != JsonToken.END_ARRAY && p.currentToken() != null) {
                        p.skipChildren();
                        value = null; // more than [time, value]
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (labels == null || value == null) {
                throw shape("a series without metric labels and [time, \"value\"]", promql);
            }
            double v;
            try {
                v = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw shape("value '" + value + "' is not a number", promql);
            }
            each.accept(new Sample(labels, v));
        }
        if (p.currentToken() != JsonToken.END_ARRAY) {
            throw shape("a series that is not an object", promql);
        }
    }

    private static void expect(JsonParser p, JsonToken token, String otherwise, String promql) throws FleetException {
        if (p.currentToken() != token) {
            throw shape(otherwise, promql);
        }
    }

    /**
     * Runs {@code promql} over {@code [start, end]} at {@code step} ({@code GET /api/v1/query_range})
     * and returns the points of its first series (empty when it has none): for a query that sums
     * to one series, like one host's memory over a day.
     */
    public List<Fleet.Point> range(String promql, java.time.Instant start, java.time.Instant end, Duration step)
            throws FleetException {
        URI uri = target.resolve("api/v1/query_range?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)
                + "&start=" + start.getEpochSecond() + "&end=" + end.getEpochSecond() + "&step=" + step.toSeconds());
        JsonNode data = send(uri, "api/v1/query_range", promql, p -> p.readValueAsTree());
        if (!"matrix".equals(data.path("resultType").asText())) {
            throw shape("resultType '" + data.path("resultType").asText() + "' where a matrix was expected", promql);
        }
        JsonNode result = data.path("result");
        if (!result.isArray()) {
            throw shape("no result array", promql);
        }
        List<Fleet.Point> points = new ArrayList<>();
        if (result.isEmpty()) {
            return points;
        }
        JsonNode values = result.get(0).path("values");
        if (!values.isArray()) {
            throw shape("a series without [time, \"value\"] values", promql);
        }
        for (JsonNode v : values) {
            if (!v.isArray() || v.size() != 2 || !v.get(0).isNumber() || !v.get(1).isTextual()) {
                throw shape("a point that is not [time, \"value\"]", promql);
            }
            try {
                points.add(new Fleet.Point(java.time.Instant.ofEpochMilli(Math.round(v.get(0).asDouble() * 1000)),
                        Double.parseDouble(v.get(1).asText())));
            } catch (NumberFormatException e) {
                throw shape("value '" + v.get(1).asText() + "' is not a number", promql);
            }
        }
        return points;
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
        JsonNode data = send(target.resolve("api/v1/targets?state=active"), "api/v1/targets", what,
                p -> p.readValueAsTree());
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

    /** Reads the answer's {@code data} value; {@code p} is on its first token and must be left on its last. */
    private interface DataReader<T> {
        T read(JsonParser p) throws IOException, FleetException;
    }

    /**
     * GETs {@code uri}, checks what came back (auth, content type, the API's status) and reads
     * {@code data} with {@code reader} while the answer streams in.
     */
    private <T> T send(URI uri, String endpoint, String what, DataReader<T> reader) throws FleetException {
        String where = target.resolve(endpoint).toString();
        HttpResponse<InputStream> response;
        try {
            response = client.send(HttpClients.get(target, uri, timeout).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            throw new FleetException("cannot reach Prometheus at " + target.display() + ": no connection within "
                    + RemoteTarget.CONNECT_TIMEOUT.toSeconds() + " s");
        } catch (HttpTimeoutException e) {
            throw timedOut(what);
        } catch (IOException e) {
            throw new FleetException("cannot reach Prometheus at " + target.display() + ": " + reason(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FleetException("interrupted while asking " + where);
        }
        try (InputStream body = response.body()) {
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
            return readAnswer(JSON.createParser(body), where, what, reader);
        } catch (JsonProcessingException e) {
            throw new FleetException(where + " answered invalid JSON: is this a Prometheus URL?");
        } catch (HttpTimeoutException e) {
            throw timedOut(what);
        } catch (IOException e) {
            throw new FleetException(where + ": cannot read the answer: " + oneLine(e));
        }
    }

    private FleetException timedOut(String what) {
        return new FleetException("Prometheus at " + target.display() + " did not answer within "
                + timeout.toMillis() / 1000.0 + " s (query: " + what + ")");
    }

    /** The answer's envelope: {@code status}, {@code data} (read by {@code reader}), or the error Prometheus reports. */
    private static <T> T readAnswer(JsonParser p, String where, String what, DataReader<T> reader)
            throws IOException, FleetException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            // read to the end first: broken JSON says so rather than "not the API"
            p.skipChildren();
            while (p.nextToken() != null) {
                p.skipChildren();
            }
            throw notTheApi(where);
        }
        String status = "";
        String errorType = "error";
        String error = "";
        T data = null;
        boolean sawData = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            switch (field) {
                case "status" -> status = p.getValueAsString("");
                case "errorType" -> errorType = p.getValueAsString("error");
                case "error" -> error = p.getValueAsString("");
                case "data" -> {
                    if (t == JsonToken.START_OBJECT && !status.equals("error")) {
                        sawData = true;
                        data = reader.read(p);
                    } else {
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (status.equals("error")) {
            throw new FleetException("Prometheus refused the query (" + errorType + "): " + error + " \u2014 query: " + what);
        }
        if (!status.equals("success") || !sawData) {
            throw notTheApi(where);
        }
        return data;
    }

    private static FleetException notTheApi(String where) {
        return new FleetException(where + " answered JSON that is not a Prometheus query API answer"
                + " (no status/data): is this a Prometheus URL?");
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
