// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.archetype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.RemoteWebDriver;

/**
 * A project generated with every feature (features-all), run with {@code ./mvnw -Plocal}, used from headless
 * Chromium: a browser sends no headers on a WebSocket handshake, so only a token gets it in.
 */
class BrowserIT {

    private static final String HELLO_BODY = "Hello World!";
    private static final Pattern FUNCTION_LOG_LINE = Pattern.compile("^\\[\\w+Function] \\{.*}$");

    private static LocalApi api;
    private static ChromeDriverService driver;
    private static RemoteWebDriver browser;

    /** A failure comes with what the API printed, which says why a connection was refused. */
    @RegisterExtension
    static final TestWatcher CONSOLE_ON_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (api == null) {
                return;
            }
            System.out.println(context.getDisplayName() + " failed; ./mvnw -Plocal printed after its banner:\n"
                    + String.join("\n", api.linesAfterBanner()));
        }
    };

    @BeforeAll
    static void startTheApiAndABrowser() throws Exception {
        api = LocalApi.start(Path.of(System.getProperty("generatedProject")), Path.of(System.getProperty("itRepository")));
        ChromeOptions options = new ChromeOptions()
                .setBinary(System.getProperty("chromium", "/usr/bin/chromium"))
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-extensions", "--disable-sync", "--no-first-run",
                        "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                        "--disable-backgrounding-occluded-windows", "--window-size=1280,800");
        driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        driver.start();
        // A plain WebDriver session: ChromeDriver would also open a DevTools connection, which these tests do not use.
        browser = new RemoteWebDriver(driver.getUrl(), options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (driver != null) {
            driver.stop();
        }
        if (api != null) {
            api.close();
        }
    }

    /** Every test starts from one blank tab. */
    @AfterEach
    void closeExtraTabs() {
        String first = browser.getWindowHandles().iterator().next();
        browser.getWindowHandles().stream().filter(handle -> !handle.equals(first)).forEach(handle -> {
            browser.switchTo().window(handle);
            browser.close();
        });
        browser.switchTo().window(first);
        browser.get("about:blank");
    }

    @Test
    void echoesTheSeedTranscriptWithOnlyATokenInTheQueryString() {
        ApiPage page = ApiPage.open(browser, api.pageUri());
        assertEquals(api.token(), page.token(), "the page comes with a token of the development identity provider");

        assertEquals("Connected", page.connect("query"));
        page.send("send", HELLO_BODY).awaitReceived("\"Hello World!\"");
    }

    /** Nothing after the banner but what the functions log, each line a JSON object: no library's warnings, no gateway complaints. */
    @Test
    void theConsoleShowsOnlyTheFunctionsOwnLogLinesAfterTheBanner() throws Exception {
        ApiPage page = ApiPage.open(browser, api.pageUri());
        page.connect("query");
        page.send("send", HELLO_BODY).awaitReceived("\"Hello World!\"");
        api.awaitLineAfterBanner("a line of the send function", line -> line.startsWith("[SendFunction] "));

        List<String> others = api.linesAfterBanner().stream().filter(line -> !FUNCTION_LOG_LINE.matcher(line).matches()).toList();
        assertEquals(List.of(), others, "lines after the banner that are not a function's own JSON log line");
    }

    @Test
    void echoesWithTheTokenSentAsASubprotocol() {
        ApiPage page = ApiPage.open(browser, api.pageUri());

        assertEquals("Connected", page.connect("subprotocol"));
        page.send("send", HELLO_BODY).awaitReceived("\"Hello World!\"");
    }

    @Test
    void showsErrorRepliesAndKeepsTheConnection() {
        ApiPage page = ApiPage.open(browser, api.pageUri());
        page.connect("query");

        page.sendAsItIs(HELLO_BODY).awaitReceived(reply -> reply.contains("\"Message is not valid JSON\""));
        page.sendAsItIs("{\"message\": \"shout\"}").awaitReceived(reply -> reply.contains("\"Unknown route \\\"shout\\\"\""));
        page.send("send", HELLO_BODY).awaitReceived("\"Hello World!\"");
    }

    @Test
    void aBroadcastFromOnePageReachesAnother() {
        ApiPage listener = ApiPage.open(browser, api.pageUri());
        assertEquals("Connected", listener.connect("query"));
        browser.switchTo().newWindow(WindowType.TAB);
        ApiPage speaker = ApiPage.open(browser, api.pageUri());
        assertEquals("Connected", speaker.connect("subprotocol"));

        speaker.send("broadcast", "Hello, everyone");

        listener.awaitReceived("\"Hello, everyone\"");
        speaker.awaitReceived("\"Hello, everyone\"");
    }

    @Test
    void refusesAConnectionWithoutAToken() {
        ApiPage page = ApiPage.open(browser, api.pageUri()).token("");

        assertEquals("Refused", page.connect("query"));
        assertFalse(page.errors().isEmpty(), "the page says why");
    }

    /**
     * A page of another origin, like a front end's own development server, connects with the token
     * in the URL: {@code new WebSocket(url + "/?token=" + token)}, no headers.
     */
    @Test
    void aPageOfAnotherOriginConnectsWithTheTokenInItsUrl() throws Exception {
        HttpServer frontEnd = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        frontEnd.createContext("/", exchange -> {
            byte[] page = "<!doctype html><title>front end</title>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        frontEnd.start();
        try {
            browser.get("http://127.0.0.1:" + frontEnd.getAddress().getPort() + "/");

            Object reply = ((JavascriptExecutor) browser).executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + "const socket = new WebSocket(arguments[0] + '/?token=' + encodeURIComponent(arguments[1]));"
                            + "socket.onopen = () => socket.send(JSON.stringify({message: 'send', body: 'Hello World!'}));"
                            + "socket.onmessage = event => { done(event.data); socket.close(); };"
                            + "socket.onclose = event => done('closed: ' + event.code);",
                    api.webSocketUri().toString(), api.token());

            assertEquals("\"Hello World!\"", reply);
        } finally {
            frontEnd.stop(0);
        }
    }
}
