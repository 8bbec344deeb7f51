// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.conformance;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The kinds of client of a conformance test class: Chromium, Node's ws and the JDK, started once
 * for the class (the browser and the Node process) and stopped after its last test; after each test
 * every connection still open is dropped. Register it on the class with
 * {@code @ExtendWith(Clients.class)}; a {@link Row} takes its kinds from it.
 */
public final class Clients implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Clients.class);
    private static final String KINDS = "kinds";

    @Override
    public void beforeAll(ExtensionContext context) {
        List<ClientKind> kinds = List.of(new Chromium(), new NodeWs(), new Jdk());
        context.getStore(NAMESPACE).put(KINDS, kinds);
        kinds.forEach(ClientKind::start);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        kinds(context).forEach(ClientKind::reset);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Throwable failure = null;
        for (ClientKind kind : kinds(context)) {
            try {
                kind.stop();
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
    }

    /** The class's kinds that have every one of these capabilities. */
    static Stream<ClientKind> that(ExtensionContext context, Capability... needed) {
        return kinds(context).stream().filter(kind -> Stream.of(needed).allMatch(kind::can));
    }

    @SuppressWarnings("unchecked")
    private static List<ClientKind> kinds(ExtensionContext context) {
        List<ClientKind> kinds = (List<ClientKind>) context.getStore(NAMESPACE).get(KINDS);
        if (kinds == null) {
            throw new IllegalStateException("No client kinds: the test class needs @ExtendWith(Clients.class)");
        }
        return kinds;
    }
}
