package ${package}.support;

import ${package}.local.LocalContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A Lambda context whose logger keeps every line, so tests can read what a handler logged. */
public final class TestContext extends LocalContext {

    private final List<String> logLines;

    public TestContext() {
        this(new CopyOnWriteArrayList<>());
    }

    private TestContext(List<String> logLines) {
        super("test", logLines::add);
        this.logLines = logLines;
    }

    public List<String> logLines() {
        return List.copyOf(logLines);
    }
}
