package io.herakles.procmem.export.prometheus;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Turns the configured bind address and port into a listening JDK server, with one-line
 * {@link ListenException}s for every user mistake. IPv6 literals work with or without brackets
 * (upstream's {@code "ip:port"} string broke on them; docs/UPSTREAM.md#u14-ipv6-bind-addresses-work). Stateless.
 */
final class ListenAddress {

    private ListenAddress() {}

    static InetSocketAddress resolve(String bind, int port) throws ListenException {
        String host = bind.strip();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (port < 0 || port > 65535) {
            throw new ListenException("cannot listen on " + display(host, port) + ": port must be 0-65535", null);
        }
        if (host.isEmpty()) {
            throw new ListenException("cannot listen on " + display(host, port) + ": empty bind address", null);
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException | SecurityException e) {
            throw new ListenException("cannot listen on " + display(host, port) + ": not an IP address or known host name", e);
        }
    }

    static HttpServer open(InetSocketAddress address, HttpsConfigurator tls) throws ListenException {
        try {
            HttpServer server;
            if (tls == null) {
                server = HttpServer.create();
            } else {
                HttpsServer https = HttpsServer.create();
                https.setHttpsConfigurator(tls);
                server = https;
            }
            server.bind(address, 0);
            return server;
        } catch (BindException e) {
            throw new ListenException("cannot listen on " + display(address.getAddress().getHostAddress(), address.getPort())
                    + ": " + reason(e), e);
        } catch (IOException e) {
            throw new ListenException("cannot listen on " + display(address.getAddress().getHostAddress(), address.getPort())
                    + ": " + e.getMessage(), e);
        }
    }

    private static String reason(BindException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (m.contains("in use")) {
            return "address already in use";
        }
        if (m.contains("assign")) {
            return "address not available on this host";
        }
        if (m.contains("permission") || m.contains("denied")) {
            return "permission denied (ports below 1024 need privileges)";
        }
        return m;
    }

    /** {@code host:port}, with brackets around IPv6 literals. */
    static String display(String host, int port) {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
