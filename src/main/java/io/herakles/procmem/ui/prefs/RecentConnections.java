package io.herakles.procmem.ui.prefs;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The recent-connections lists (exporters for File → Connect, Prometheus servers for File → Open
 * fleet): most recent first, no duplicates, at most {@value #MAX}. An entry is only ever
 * {@code scheme://host[:port][/path]}: user info, query and fragment are cut off before anything is
 * kept, so a password typed into a URL never reaches the preferences file. Pure.
 */
public final class RecentConnections {

    /** How many URLs each list keeps. */
    public static final int MAX = 8;

    private RecentConnections() {}

    /**
     * {@code url} as the lists keep it: an http(s) URL with a host, without user info, query,
     * fragment or trailing slash; empty when it is not such a URL.
     */
    public static Optional<String> clean(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                return Optional.empty();
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("/+$", "");
            URI kept = new URI(scheme, null, uri.getHost(), uri.getPort(), null, null, null);
            return Optional.of(kept + path);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** {@code recent} with {@code used} (cleaned) moved or added to the front, cut to {@value #MAX}; unchanged when not a URL. */
    public static List<String> add(List<String> recent, String used) {
        Optional<String> url = clean(used);
        if (url.isEmpty()) {
            return List.copyOf(recent);
        }
        List<String> out = new ArrayList<>(MAX);
        out.add(url.get());
        for (String r : recent) {
            if (out.size() == MAX) {
                break;
            }
            if (!r.equals(url.get())) {
                out.add(r);
            }
        }
        return List.copyOf(out);
    }
}
