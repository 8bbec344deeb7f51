// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.function;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.Enumeration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The class loader of one function: what a Lambda execution environment is to a function on AWS.
 *
 * <p>It defines its own copy of every class of the function's class path (the handler, the AWS SDK,
 * everything), read from {@code classes}, so static state is the function's own and not shared with
 * the other functions. Classes of the JDK, the Lambda runtime interfaces and event types
 * ({@code com.amazonaws.services.lambda.runtime}) and this package come from {@code shared}: the
 * gateway hands the functions events of those types.
 *
 * <p>Calls to {@code System.getenv} and reads of {@code System.out} and {@code System.err} in the
 * classes it defines are redirected to the function's own environment and output (see
 * {@link FunctionEnvironment}), so a handler reads its function's variables, from
 * {@code template.yaml}, as it does on Lambda.
 */
public final class FunctionClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private static final Set<String> PLATFORM_PACKAGES = ModuleLayer.boot().modules().stream()
            .flatMap(module -> module.getPackages().stream())
            .collect(Collectors.toUnmodifiableSet());
    private static final String LAMBDA_RUNTIME = "com.amazonaws.services.lambda.runtime.";
    /** This package: {@link FunctionEnvironment} finds its loader's environment through {@code FunctionClassLoader}. */
    private static final String GATEWAY = FunctionClassLoader.class.getPackageName() + ".";
    private static final String ENVIRONMENT = FunctionEnvironment.class.getName();

    private final ClassLoader classes;
    private final ClassLoader shared;
    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, ProtectionDomain> domains = new ConcurrentHashMap<>();

    /**
     * @param functionName names the loader in stack traces
     * @param classes where the function's classes and resources are read from
     * @param shared the loader of the gateway, which the JDK, the Lambda runtime types and the gateway come from
     * @param environment what {@code System.getenv} returns to the function
     * @param out what {@code System.out} is to the function
     * @param err what {@code System.err} is to the function
     */
    public FunctionClassLoader(String functionName, ClassLoader classes, ClassLoader shared, Map<String, String> environment,
                               PrintStream out, PrintStream err) {
        super("function:" + functionName, null);
        this.classes = classes;
        this.shared = shared;
        this.environment = Map.copyOf(environment);
        this.out = out;
        this.err = err;
    }

    /** What {@code System.getenv()} returns to the function. Public because each loader's own {@link FunctionEnvironment} calls it. */
    public Map<String, String> environment() {
        return environment;
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> type = findLoadedClass(name);
            if (type == null) {
                type = isShared(name) ? shared.loadClass(name) : findClass(name);
            }
            if (resolve) {
                resolveClass(type);
            }
            return type;
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        String path = name.replace('.', '/') + ".class";
        URL location = (name.equals(ENVIRONMENT) ? shared : classes).getResource(path);
        if (location == null) {
            throw new ClassNotFoundException(name + " is not on the class path of " + getName());
        }
        byte[] bytes = EnvironmentRewriter.rewrite(read(location));
        definePackageOf(name);
        return defineClass(name, bytes, 0, bytes.length, domainOf(location, path));
    }

    @Override
    public URL getResource(String name) {
        return classes.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return classes.getResources(name);
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        return classes.getResourceAsStream(name);
    }

    private static boolean isShared(String name) {
        if (name.equals(ENVIRONMENT)) {
            return false;
        }
        int lastDot = name.lastIndexOf('.');
        return lastDot > 0 && PLATFORM_PACKAGES.contains(name.substring(0, lastDot))
                || name.startsWith(LAMBDA_RUNTIME)
                || name.startsWith(GATEWAY);
    }

    private void definePackageOf(String className) {
        int lastDot = className.lastIndexOf('.');
        if (lastDot > 0) {
            String packageName = className.substring(0, lastDot);
            if (getDefinedPackage(packageName) == null) {
                try {
                    definePackage(packageName, null, null, null, null, null, null, null);
                } catch (IllegalArgumentException alreadyDefinedConcurrently) {
                    // Another thread defined it first; the package exists either way.
                }
            }
        }
    }

    /** One protection domain per jar or directory the classes come from, as a URLClassLoader would give. */
    private ProtectionDomain domainOf(URL location, String path) {
        String text = location.toString();
        String codeBase = text.startsWith("jar:") ? text.substring(4, text.indexOf("!/")) : text.substring(0, text.length() - path.length());
        return domains.computeIfAbsent(codeBase, base -> {
            try {
                return new ProtectionDomain(new CodeSource(new URL(base), (Certificate[]) null), null, this, null);
            } catch (MalformedURLException e) {
                throw new IllegalStateException("Cannot read the code base of " + location, e);
            }
        });
    }

    private static byte[] read(URL location) {
        try (InputStream in = location.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + location, e);
        }
    }
}
