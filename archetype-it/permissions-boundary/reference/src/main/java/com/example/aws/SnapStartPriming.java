package com.example.aws;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.warmup.SdkWarmUp;

/**
 * Work a handler does before SnapStart snapshots its initialised execution environment: running
 * the hot path's code once loads and links its classes into the snapshot, so restored environments
 * do not pay for it on their first event. Two parts, measured in docs/performance.md: the SDK's
 * own {@link SdkWarmUp} for the handler's client classes (a request and response through the whole
 * client pipeline against a canned answer; it also sends one unauthenticated request to STS, as
 * the SDK designs it), then the handler's priming (JSON, replies, signing), which stays offline.
 *
 * <p>Nothing unique per environment may be created (connections to the handler's own services,
 * random seeds, credentials): the snapshot is shared by every restored copy. Without SnapStart,
 * for example locally, nothing calls it.
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
