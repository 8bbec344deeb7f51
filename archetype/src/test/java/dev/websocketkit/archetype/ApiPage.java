// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.archetype;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The local gateway's page at {@code /}, driven as a person would: fields, buttons, the conversation. */
final class ApiPage {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final WebDriver browser;
    private final String window;

    private ApiPage(WebDriver browser) {
        this.browser = browser;
        this.window = browser.getWindowHandle();
    }

    /** Opens the page in the browser's current tab. */
    static ApiPage open(WebDriver browser, URI page) {
        browser.get(page.toString());
        return new ApiPage(browser);
    }

    ApiPage token(String token) {
        focus();
        WebElement field = browser.findElement(By.id("token"));
        field.clear();
        field.sendKeys(token);
        return this;
    }

    String token() {
        focus();
        return browser.findElement(By.id("token")).getAttribute("value");
    }

    /** Connects sending the token "query" or "subprotocol", and returns the status the page settles on. */
    String connect(String transport) {
        focus();
        new Select(browser.findElement(By.id("transport"))).selectByValue(transport);
        browser.findElement(By.id("connect")).click();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.not(
                ExpectedConditions.textToBe(By.id("status"), "Connecting…")));
        return browser.findElement(By.id("status")).getText();
    }

    ApiPage send(String route, String body) {
        focus();
        new Select(browser.findElement(By.id("route"))).selectByValue(route);
        WebElement field = browser.findElement(By.id("body"));
        field.clear();
        field.sendKeys(body);
        browser.findElement(By.id("send")).click();
        return this;
    }

    ApiPage sendAsItIs(String text) {
        focus();
        WebElement field = browser.findElement(By.id("raw"));
        field.clear();
        field.sendKeys(text);
        browser.findElement(By.id("send-raw")).click();
        return this;
    }

    /** Waits until the conversation shows {@code text} received. */
    void awaitReceived(String text) {
        awaitReceived(text::equals);
    }

    /** Waits until the conversation shows a received message that matches, and returns it. */
    String awaitReceived(Predicate<String> expected) {
        focus();
        By received = By.cssSelector("#log li.received");
        return new WebDriverWait(browser, WAIT).until(driver -> driver.findElements(received).stream()
                .map(WebElement::getText)
                .filter(expected)
                .findFirst()
                .orElse(null));
    }

    List<String> errors() {
        focus();
        return browser.findElements(By.cssSelector("#log li.error")).stream().map(WebElement::getText).toList();
    }

    private void focus() {
        if (!browser.getWindowHandle().equals(window)) {
            browser.switchTo().window(window);
        }
    }
}
