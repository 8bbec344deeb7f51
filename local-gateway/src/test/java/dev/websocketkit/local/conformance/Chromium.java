// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.conformance;

import java.io.File;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.RemoteWebDriver;

/**
 * Headless Chromium, driven by Selenium through Debian's chromedriver: sockets are made with
 * {@code new WebSocket(url, protocols)} in a page of the gateway (an {@code http://localhost}
 * origin, as a front end in development has), their events kept in a JavaScript array that the
 * tests poll. A browser sets no headers on a handshake, chooses its own frames, always offers
 * {@code permessage-deflate}, and of a refused handshake shows only that the connection failed:
 * an error event, then a close with 1006.
 */
final class Chromium implements ClientKind {

    /** What the page gets to run the sockets; {@code window.conformance} stays until the page is left. */
    private static final String HARNESS = """
            window.conformance = (function () {
              const sockets = {};
              const events = [];
              const push = (event) => events.push(event);
              const base64 = (buffer) => {
                let binary = '';
                new Uint8Array(buffer).forEach((byte) => { binary += String.fromCharCode(byte); });
                return btoa(binary);
              };
              const socket = (id) => {
                if (!sockets[id]) {
                  throw new Error('no socket ' + id);
                }
                return sockets[id];
              };
              return {
                connect(id, url, protocols) {
                  const ws = protocols.length ? new WebSocket(url, protocols) : new WebSocket(url);
                  ws.binaryType = 'arraybuffer';
                  sockets[id] = ws;
                  ws.onopen = () => push({id, event: 'open', protocol: ws.protocol, extensions: ws.extensions});
                  ws.onerror = () => push({id, event: 'error', message: 'error event (a browser says no more)'});
                  ws.onmessage = (e) => push(typeof e.data === 'string'
                      ? {id, event: 'message', binary: false, text: e.data}
                      : {id, event: 'message', binary: true, base64: base64(e.data)});
                  ws.onclose = (e) => {
                    push({id, event: 'close', code: e.code, reason: e.reason});
                    delete sockets[id];
                  };
                },
                send(id, text) { socket(id).send(text); },
                sendBinary(id, data) { socket(id).send(Uint8Array.from(atob(data), (c) => c.charCodeAt(0))); },
                close(id, code, reason) { if (sockets[id]) { sockets[id].close(code, reason); } },
                closeAll() { Object.values(sockets).forEach((ws) => ws.close(1000, 'test over')); },
                drain() { return events.splice(0, events.length); },
              };
            })();
            """;

    private final Map<String, ChromiumConnection> connections = new HashMap<>();
    private ChromeDriverService service;
    private RemoteWebDriver browser;
    private String version = "";
    private String pageOrigin;
    private int counter;

    @Override
    public String name() {
        return "Chromium" + (version.isEmpty() ? "" : " " + version);
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.OFFERS_COMPRESSION, Capability.FAILS_WITHOUT_AN_OFFERED_SUBPROTOCOL);
    }

    @Override
    public synchronized Connection connect(Connect request) {
        if (!request.headers().isEmpty()) {
            throw new IllegalArgumentException("A browser sets no headers on a WebSocket handshake: " + request.headers().keySet());
        }
        if (request.wantsExactFrames() || !request.compression().orElse(true)) {
            throw new IllegalArgumentException("A browser chooses its frames and always offers permessage-deflate");
        }
        URI uri = request.uri();
        openPageOf(uri);
        String id = "b" + ++counter;
        ChromiumConnection connection = new ChromiumConnection(id, name() + " socket " + id + " to " + uri);
        connections.put(id, connection);
        script("window.conformance.connect(arguments[0], arguments[1], arguments[2]);", id, uri.toString(), request.subprotocols());
        return connection;
    }

    @Override
    public synchronized Optional<String> userAgent() {
        start();
        return Optional.of((String) browser.executeScript("return navigator.userAgent;"));
    }

    @Override
    public synchronized void reset() {
        if (browser != null && pageOrigin != null) {
            script("window.conformance.closeAll();");
            fetch();
        }
        connections.clear();
    }

    @Override
    public synchronized void stop() {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (service != null) {
                service.stop();
            }
            browser = null;
            service = null;
            pageOrigin = null;
        }
    }

    @Override
    public String toString() {
        return name();
    }

    @Override
    public synchronized void start() {
        if (browser != null) {
            return;
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary(System.getProperty("conformance.chromium", "/usr/bin/chromium"))
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-extensions", "--disable-sync", "--no-first-run",
                        "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                        "--disable-backgrounding-occluded-windows", "--window-size=1280,800");
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("conformance.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        try {
            service.start();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("chromedriver did not start", e);
        }
        // A plain WebDriver session: ChromeDriver would also open a DevTools connection, which the suite does not use.
        browser = new RemoteWebDriver(service.getUrl(), options);
        browser.manage().timeouts().scriptTimeout(Connection.WAIT).pageLoadTimeout(Connection.WAIT);
        version = browser.getCapabilities().getBrowserVersion();
    }

    /** The gateway's own page: sockets are made from an http://localhost origin, as in a front end's development. */
    private void openPageOf(URI webSocketUri) {
        start();
        String origin = "http://" + webSocketUri.getAuthority();
        if (!origin.equals(pageOrigin)) {
            connections.clear();
            browser.get(origin + "/");
            browser.executeScript(HARNESS);
            pageOrigin = origin;
        }
    }

    private Object script(String script, Object... arguments) {
        return browser.executeScript(script, arguments);
    }

    /** Moves what happened in the page to the connections' events. */
    @SuppressWarnings("unchecked")
    private synchronized void fetch() {
        if (browser == null || pageOrigin == null) {
            return;
        }
        for (Map<String, Object> event : (List<Map<String, Object>>) script("return window.conformance.drain();")) {
            ChromiumConnection connection = connections.get((String) event.get("id"));
            if (connection != null) {
                connection.page(event);
            }
        }
    }

    private final class ChromiumConnection extends Connection {

        private final String id;

        ChromiumConnection(String id, String description) {
            super(description);
            this.id = id;
        }

        void page(Map<String, Object> event) {
            switch ((String) event.get("event")) {
                case "open" -> happened(new Opened((String) event.get("protocol"), (String) event.get("extensions")));
                case "error" -> happened(new Problem((String) event.get("message")));
                case "message" -> happened(Boolean.TRUE.equals(event.get("binary"))
                        ? new Message(true, new String(Base64.getDecoder().decode((String) event.get("base64")),
                                java.nio.charset.StandardCharsets.ISO_8859_1), List.of())
                        : new Message(false, (String) event.get("text"), List.of()));
                case "close" -> happened(new Closed(((Number) event.get("code")).intValue(), (String) event.get("reason")));
                default -> happened(new Problem("unknown page event " + event));
            }
        }

        @Override
        protected void fetchEvents() {
            fetch();
        }

        @Override
        protected Duration fetchInterval() {
            return Duration.ofMillis(50);
        }

        @Override
        public void send(String text) {
            synchronized (Chromium.this) {
                script("window.conformance.send(arguments[0], arguments[1]);", id, text);
            }
        }

        @Override
        public void sendBinary(byte[] data) {
            synchronized (Chromium.this) {
                script("window.conformance.sendBinary(arguments[0], arguments[1]);", id, Base64.getEncoder().encodeToString(data));
            }
        }

        @Override
        public void close() {
            synchronized (Chromium.this) {
                if (browser != null) {
                    script("window.conformance.close(arguments[0], 1000, 'done');", id);
                }
            }
        }
    }
}
