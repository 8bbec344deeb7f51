package com.example.aws;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * Work a handler does before SnapStart snapshots its initialised execution environment: running
 * the hot path's code once (parsing, serialising, building and signing requests) loads and links
 * its classes into the snapshot, so restored environments do not pay for it on their first event.
 *
 * <p>Priming must stay offline and must not create anything that has to be unique per environment
 * (connections, random seeds, credentials): the snapshot is shared by every restored copy. Without
 * SnapStart, for example locally, nothing calls it.
 */
public final class SnapStartPriming implements Resource {

    /** CRaC holds registered resources weakly; this keeps them for the life of the environment. */
    private static final List<SnapStartPriming> REGISTERED = new CopyOnWriteArrayList<>();

    private final Runnable priming;

    private SnapStartPriming(Runnable priming) {
        this.priming = priming;
    }

    /** Runs {@code priming} before the snapshot, once. */
    public static SnapStartPriming register(Runnable priming) {
        SnapStartPriming resource = new SnapStartPriming(priming);
        REGISTERED.add(resource);
        Core.getGlobalContext().register(resource);
        return resource;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        priming.run();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing was captured that a restored environment must renew.
    }
}
