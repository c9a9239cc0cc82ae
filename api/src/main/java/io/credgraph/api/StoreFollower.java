package io.credgraph.api;

import io.credgraph.engine.CredgraphEngine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a server's graph in step with writes other servers make to the same store (issue #11 item
 * 4): every {@code every} it compares the store's version with the engine's and, when the store
 * moved on, has the engine read it again ({@link CredgraphEngine#follow()}); readers answer from
 * the version they have meanwhile. The delay is bounded by the interval plus one read of the store.
 * {@code /health} shows how far behind the server is. Where one server owns the store (the embedded
 * default) the poll is a cheap version read that finds nothing to do.
 */
public final class StoreFollower implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StoreFollower.class);

  /** How often a server looks at the store's version. */
  public static final Duration EVERY = Duration.ofSeconds(1);

  private final CredgraphEngine engine;
  private final Clock clock;
  private final ScheduledExecutorService timer;
  private volatile Instant caughtUpAt;
  private volatile boolean failing;

  private StoreFollower(CredgraphEngine engine, Clock clock, Duration every) {
    this.engine = engine;
    this.clock = clock;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "credgraph-store-follower");
              t.setDaemon(true);
              return t;
            });
    long ms = every.toMillis();
    timer.scheduleWithFixedDelay(this::poll, ms, ms, TimeUnit.MILLISECONDS);
  }

  /** Follows the store of {@code engine} every {@code every}. */
  public static StoreFollower start(CredgraphEngine engine, Clock clock, Duration every) {
    return new StoreFollower(engine, clock, every);
  }

  private void poll() {
    try {
      long t0 = System.nanoTime();
      if (engine.follow()) {
        caughtUpAt = clock.instant();
        LOG.info(
            "caught up with writes of another server: store version {} read in {} ms",
            engine.version(),
            (System.nanoTime() - t0) / 1_000_000);
      }
      failing = false;
    } catch (RuntimeException e) {
      if (!failing) {
        LOG.warn("cannot follow the store's writes: {}", e.getMessage());
      }
      failing = true;
    }
  }

  /** When this server last read the store again for another server's writes. */
  public Optional<Instant> caughtUpAt() {
    return Optional.ofNullable(caughtUpAt);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
