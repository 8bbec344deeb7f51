// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** A WebSocket client on a plain socket, for frames the JDK's client would not send as asked: exactly one frame of any size. */
final class RawWebSocket implements AutoCloseable {

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final Map<String, String> responseHeaders = new HashMap<>();

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    static RawWebSocket connect(URI uri, Map<String, String> headers) throws IOException {
        return connect(uri, headers, new Socket(uri.getHost(), uri.getPort()));
    }

    /** Connects with a receive buffer of about {@code bytes}, for a window that fills while the test reads nothing. */
    static RawWebSocket connectWithReceiveBuffer(URI uri, Map<String, String> headers, int bytes) throws IOException {
        Socket socket = new Socket();
        // Before the connection, so that the window the client offers is this small from the start.
        socket.setReceiveBufferSize(bytes);
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()));
        return connect(uri, headers, socket);
    }

    private static RawWebSocket connect(URI uri, Map<String, String> headers, Socket socket) throws IOException {
        RawWebSocket client = new RawWebSocket(socket);
        StringBuilder request = new StringBuilder("GET / HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        client.out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        String status = client.readLine();
        if (!status.contains(" 101 ")) {
            throw new IOException("handshake refused: " + status);
        }
        for (String header = client.readLine(); !header.isEmpty(); header = client.readLine()) {
            int colon = header.indexOf(':');
            client.responseHeaders.put(header.substring(0, colon).strip().toLowerCase(Locale.ROOT), header.substring(colon + 1).strip());
        }
        return client;
    }

    /** A header of the handshake's answer, by its name in lower case; empty if it had none. */
    String responseHeader(String name) {
        return responseHeaders.getOrDefault(name, "");
    }

    /** Sends {@code text} as a single unfragmented text frame. */
    void sendSingleFrame(String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        out.write(0x81);
        if (payload.length < 126) {
            out.write(0x80 | payload.length);
        } else if (payload.length < 65536) {
            out.write(0x80 | 126);
            out.write(payload.length >> 8);
            out.write(payload.length & 0xff);
        } else {
            out.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) ((long) payload.length >> shift) & 0xff);
            }
        }
        out.write(new byte[] {0, 0, 0, 0});
        out.write(payload);
        out.flush();
    }

    /** The status code of the close frame the server sends next, skipping other frames. */
    int awaitCloseCode() throws IOException {
        while (true) {
            Frame frame = receiveFrame(10_000);
            if (frame.opcode() == 8) {
                return ((frame.payload()[0] & 0xff) << 8) | (frame.payload()[1] & 0xff);
            }
        }
    }

    /** A frame as the server sent it. */
    record Frame(boolean fin, boolean rsv1, int opcode, byte[] payload) {
    }

    /** The next frame, waiting at most {@code timeoutMillis} for it to begin. */
    Frame receiveFrame(int timeoutMillis) throws IOException {
        socket.setSoTimeout(timeoutMillis);
        int first = in.readUnsignedByte();
        int length = in.readUnsignedByte() & 0x7f;
        long size = length == 126 ? in.readUnsignedShort() : length == 127 ? in.readLong() : length;
        byte[] payload = new byte[Math.toIntExact(size)];
        in.readFully(payload);
        return new Frame((first & 0x80) != 0, (first & 0x40) != 0, first & 0x0f, payload);
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new IOException("connection closed");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
