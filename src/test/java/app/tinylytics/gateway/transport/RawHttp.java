package app.tinylytics.gateway.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.restassured.RestAssured;

/**
 * Sends a {@link RawRequest} over a plain socket and reads the answer by hand, because HTTP client libraries refuse
 * to send most of what the malformed-request suite needs (odd methods and headers, invalid bytes, lying lengths).
 */
public final class RawHttp {

    /** Long enough for a 3 MB body on a busy 2-core machine, short enough that a hung request fails the suite. */
    private static final int TIMEOUT_MILLIS = 30_000;

    private final String host;
    private final int port;
    private final InetAddress local;

    private RawHttp(String host, int port, InetAddress local) {
        this.host = host;
        this.port = port;
        this.local = local;
    }

    /** A server at {@code host:port}, e.g. a packaged jar a suite started itself. */
    public static RawHttp to(String host, int port) {
        return new RawHttp(host, port, null);
    }

    /**
     * The same server, connected to from {@code localAddress} (e.g. 127.0.0.2: Linux routes all of 127/8 to loopback),
     * so that one machine can be several clients to a gateway that tells callers apart by address.
     */
    public RawHttp from(InetAddress localAddress) {
        return new RawHttp(host, port, localAddress);
    }

    /** The application under test, where RestAssured is pointed (by {@code @QuarkusTest} and {@code @QuarkusIntegrationTest}). */
    static RawHttp toApplication() {
        return new RawHttp(URI.create(RestAssured.baseURI).getHost(), RestAssured.port, null);
    }

    public RawResponse send(RawRequest request) {
        try (Socket socket = new Socket()) {
            if (local != null) {
                socket.bind(new InetSocketAddress(local, 0));
            }
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            try {
                socket.getOutputStream().write(request.bytes());
                socket.getOutputStream().flush();
                if (request.halfCloses()) {
                    socket.shutdownOutput();
                }
            } catch (IOException closedEarly) {
                // The server may answer (413, 431) and close before the whole request is written: read that answer.
            }
            return read(socket.getInputStream(), request.expectsNoBody());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not reach the application at " + host + ":" + port, e);
        }
    }

    private static RawResponse read(InputStream in, boolean noBody) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] chunk = new byte[64 * 1024];
        while (true) {
            RawResponse complete = parse(received.toByteArray(), noBody, false);
            if (complete != null) {
                return complete;
            }
            int read;
            try {
                read = in.read(chunk);
            } catch (SocketTimeoutException | java.net.SocketException silentOrReset) {
                read = -1;
            }
            if (read < 0) {
                RawResponse atEnd = parse(received.toByteArray(), noBody, true);
                return atEnd == null ? RawResponse.none() : atEnd;
            }
            received.write(chunk, 0, read);
        }
    }

    /** The first final response in {@code bytes}, or null while it is incomplete (unless the stream ended). */
    private static RawResponse parse(byte[] bytes, boolean noBody, boolean ended) {
        int start = 0;
        while (true) {
            int headersEnd = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
            if (headersEnd < 0) {
                return null;
            }
            String[] lines = new String(bytes, start, headersEnd - start, StandardCharsets.ISO_8859_1).split("\r\n");
            String[] statusLine = lines[0].split(" ", 3);
            int status = Integer.parseInt(statusLine[1]);
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.add(new AbstractMap.SimpleEntry<>(lines[i].substring(0, colon).strip(), lines[i].substring(colon + 1).strip()));
            }
            int bodyStart = headersEnd + 4;
            if (status >= 100 && status < 200) {
                start = bodyStart;
                continue;
            }
            RawResponse head = new RawResponse(status, headers, new byte[0]);
            if (noBody || status == 204 || status == 304) {
                return head;
            }
            String length = head.header("Content-Length");
            if (length != null) {
                int size = Integer.parseInt(length);
                if (bytes.length - bodyStart < size) {
                    return ended ? new RawResponse(status, headers, Arrays.copyOfRange(bytes, bodyStart, bytes.length)) : null;
                }
                return new RawResponse(status, headers, Arrays.copyOfRange(bytes, bodyStart, bodyStart + size));
            }
            if (!ended) {
                return null;
            }
            byte[] rest = Arrays.copyOfRange(bytes, bodyStart, bytes.length);
            return new RawResponse(status, headers, "chunked".equalsIgnoreCase(head.header("Transfer-Encoding")) ? dechunk(rest) : rest);
        }
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, "\r\n".getBytes(StandardCharsets.ISO_8859_1), at);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            body.write(chunked, lineEnd + 2, Math.min(size, chunked.length - lineEnd - 2));
            at = lineEnd + 2 + size + 2;
        }
        return body.toByteArray();
    }

    private static int indexOf(byte[] bytes, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= bytes.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (bytes[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
