// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.conformance;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A WebSocket client written on a {@link Socket}, for what the JDK's client does not let a test
 * choose: it sends each message as exactly the frames asked for, and shows the frames each received
 * message came in. It offers no extension. The handshake, the reading of frames and the close
 * handshake follow RFC 6455; a refused handshake reports the HTTP answer, and whether the server
 * closed the connection after it.
 */
final class RawSocketConnection extends Connection {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    RawSocketConnection(Connect request, String description) {
        super(description);
        URI uri = request.uri();
        try {
            socket = new Socket(uri.getHost(), uri.getPort());
            socket.setSoTimeout((int) WAIT.toMillis());
            in = new DataInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        } catch (IOException e) {
            throw new AssertionError(description + ": cannot connect: " + e, e);
        }
        Thread reader = new Thread(() -> run(request), "raw-websocket-" + uri.getPort());
        reader.setDaemon(true);
        reader.start();
    }

    private void run(Connect request) {
        try {
            if (handshake(request)) {
                readFrames();
            }
        } catch (IOException e) {
            happened(new Problem(e.toString()));
            happened(new Closed(1006, ""));
        } finally {
            abort();
        }
    }

    private boolean handshake(Connect request) throws IOException {
        URI uri = request.uri();
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        StringBuilder handshake = new StringBuilder("GET " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + " HTTP/1.1\r\nHost: " + uri.getAuthority() + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\nSec-WebSocket-Version: 13\r\n");
        if (!request.subprotocols().isEmpty()) {
            handshake.append("Sec-WebSocket-Protocol: ").append(String.join(", ", request.subprotocols())).append("\r\n");
        }
        request.headers().forEach((name, value) -> handshake.append(name).append(": ").append(value).append("\r\n"));
        synchronized (out) {
            out.write(handshake.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        String status = readLine();
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        int code = Integer.parseInt(status.split(" ")[1]);
        if (code == 101) {
            // Open: the test's own waits bound how long it listens.
            socket.setSoTimeout(0);
            happened(new Opened(headers.getOrDefault("sec-websocket-protocol", ""), headers.getOrDefault("sec-websocket-extensions", "")));
            return true;
        }
        byte[] body = new byte[Integer.parseInt(headers.getOrDefault("content-length", "0"))];
        in.readFully(body);
        happened(new Refused(code, headers.get("content-type"), in.read() < 0 ? "close" : "open", new String(body, StandardCharsets.UTF_8)));
        return false;
    }

    private void readFrames() throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        List<Integer> frames = new ArrayList<>();
        boolean binary = false;
        while (true) {
            int first;
            try {
                first = in.readUnsignedByte();
            } catch (EOFException closedWithoutCloseFrame) {
                happened(new Closed(1006, ""));
                return;
            }
            boolean fin = (first & 0x80) != 0;
            int opcode = first & 0x0f;
            int second = in.readUnsignedByte();
            long length = second & 0x7f;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            byte[] payload = new byte[Math.toIntExact(length)];
            in.readFully(payload);
            switch (opcode) {
                case 0x0, 0x1, 0x2 -> {
                    if (opcode != 0x0) {
                        binary = opcode == 0x2;
                    }
                    message.write(payload);
                    frames.add(payload.length);
                    if (fin) {
                        happened(new Message(binary, new String(message.toByteArray(),
                                binary ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8), List.copyOf(frames)));
                        message.reset();
                        frames.clear();
                    }
                }
                case 0x8 -> {
                    int code = payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
                    String reason = payload.length > 2 ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "";
                    happened(new Closed(code, reason));
                    writeFrame(0x8, true, payload.length >= 2 ? new byte[] {payload[0], payload[1]} : new byte[0]);
                    return;
                }
                case 0x9 -> writeFrame(0xA, true, payload);
                default -> {
                    // A pong: nothing to do.
                }
            }
        }
    }

    @Override
    public void send(String text) {
        sendOneFrame(text);
    }

    @Override
    public void sendOneFrame(String text) {
        write(0x1, true, text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void sendFragments(String text, int fragmentBytes) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int start = 0; start < bytes.length; start += fragmentBytes) {
            int end = Math.min(bytes.length, start + fragmentBytes);
            byte[] part = java.util.Arrays.copyOfRange(bytes, start, end);
            write(start == 0 ? 0x1 : 0x0, end == bytes.length, part);
        }
    }

    @Override
    public void sendBinary(byte[] data) {
        write(0x2, true, data);
    }

    @Override
    public void close() {
        try {
            writeFrame(0x8, true, new byte[] {0x03, (byte) 0xe8});
        } catch (IOException alreadyClosed) {
            // The server closed it first.
        }
    }

    void abort() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
    }

    private void write(int opcode, boolean fin, byte[] payload) {
        try {
            writeFrame(opcode, fin, payload);
        } catch (IOException e) {
            throw new AssertionError(this + ": could not write a frame of " + payload.length + " bytes: " + e + "; so far: " + history(), e);
        }
    }

    /** One frame, masked as a client's must be. */
    private void writeFrame(int opcode, boolean fin, byte[] payload) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
        frame.write((fin ? 0x80 : 0) | opcode);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else if (payload.length < 65536) {
            frame.write(0x80 | 126);
            frame.write(payload.length >> 8);
            frame.write(payload.length & 0xff);
        } else {
            frame.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) ((long) payload.length >> shift) & 0xff);
            }
        }
        byte[] mask = new byte[4];
        RANDOM.nextBytes(mask);
        frame.write(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        synchronized (out) {
            frame.writeTo(out);
            out.flush();
        }
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the server closed the connection during the handshake");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }
}
