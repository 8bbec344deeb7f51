package com.example.aws;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.warmup.SdkWarmUp;

/**
 * Runs a handler's hot path before SnapStart's snapshot, so that restored environments find its
 * classes loaded (docs/performance.md): the SDK's {@link SdkWarmUp} of its clients, then its offline
 * priming. Nothing unique per environment may be created (connections, random seeds, credentials):
 * every restored copy shares the snapshot. Without SnapStart, locally for instance, nothing calls it.
 */
public final class SnapStartPriming implements Resource {

    /** CRaC holds registered resources weakly; this keeps them for the life of the environment. */
    private static final List<SnapStartPriming> REGISTERED = new CopyOnWriteArrayList<>();

    private final Runnable priming;
    private final List<Class<? extends SdkClient>> clients;

    private SnapStartPriming(Runnable priming, List<Class<? extends SdkClient>> clients) {
        this.priming = priming;
        this.clients = clients;
    }

    /** Before the snapshot, once: the SDK's warm-up of {@code clients}, then {@code priming}. */
    @SafeVarargs
    public static SnapStartPriming register(Runnable priming, Class<? extends SdkClient>... clients) {
        SnapStartPriming resource = new SnapStartPriming(priming, List.of(clients));
        REGISTERED.add(resource);
        Core.getGlobalContext().register(resource);
        return resource;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void beforeCheckpoint(Context<? extends Resource> context) {
        if (!clients.isEmpty()) {
            SdkWarmUp.warmUp(clients.toArray(Class[]::new));
        }
        priming.run();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing was captured that a restored environment must renew.
    }
}
