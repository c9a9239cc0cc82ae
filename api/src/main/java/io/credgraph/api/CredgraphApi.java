package io.credgraph.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.credgraph.api.auth.ApiKeys;
import io.credgraph.api.auth.Caller;
import io.credgraph.api.auth.Open;
import io.credgraph.api.auth.Role;
import io.credgraph.api.controllers.AlertController;
import io.credgraph.api.controllers.ApplicationController;
import io.credgraph.api.controllers.AuditController;
import io.credgraph.api.controllers.BatchController;
import io.credgraph.api.controllers.CheckController;
import io.credgraph.api.controllers.DashboardController;
import io.credgraph.api.controllers.DocsController;
import io.credgraph.api.controllers.FeedbackController;
import io.credgraph.api.controllers.HealthController;
import io.credgraph.api.controllers.InvestigationController;
import io.credgraph.api.controllers.ListController;
import io.credgraph.api.controllers.MetricsController;
import io.credgraph.api.controllers.RecordController;
import io.credgraph.api.controllers.SimulationController;
import io.credgraph.api.controllers.SubjectController;
import io.credgraph.api.controllers.WatchlistController;
import io.credgraph.api.docs.ApiDocs;
import io.credgraph.api.error.ApiException;
import io.credgraph.api.error.ErrorMapping;
import io.credgraph.api.loop.LoopStore;
import io.credgraph.catalogue.ApplicationSettings;
import io.credgraph.engine.AppointmentCheck;
import io.credgraph.engine.SanctionResult;
import io.credgraph.model.CreditRecord;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import io.javalin.security.RouteRole;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The credgraph HTTP API, built by {@link #create} from a backend and a configuration, separate
 * from {@code main}. One controller per resource, wired by method reference; access by route role
 * (checked for every matched route before its handler); one central error mapping; an OpenAPI
 * description of every route.
 */
public final class CredgraphApi {
  private static final Logger LOG = LoggerFactory.getLogger(CredgraphApi.class);
  private static final String STARTED = "credgraph.started";

  private final Javalin app;
  private final List<Route> routes;
  private final PrometheusMeterRegistry registry;
  private final JvmGcMetrics gcMetrics;
  private LoopStore loop;
  private StoreFollower follower;

  /** A served route: method and path as registered. */
  public record Route(String method, String path, Set<RouteRole> roles) {}

  private final io.credgraph.api.guard.Tls.Listen listen;

  private CredgraphApi(
      Javalin app,
      List<Route> routes,
      PrometheusMeterRegistry registry,
      JvmGcMetrics gc,
      io.credgraph.api.guard.Tls.Listen listen) {
    this.listen = listen;
    this.app = app;
    this.routes = routes;
    this.registry = registry;
    this.gcMetrics = gc;
  }

  /**
   * Builds the API (not started) with the default protections (rate limits, list bounds; no TLS).
   */
  public static CredgraphApi create(ApiBackend backend, ApiConfig config) {
    return create(backend, config, Protections.defaults());
  }

  /** Builds the API (not started). */
  public static CredgraphApi create(ApiBackend backend, ApiConfig config, Protections protections) {
    io.credgraph.api.guard.Tls.Listen listen = new io.credgraph.api.guard.Tls.Listen();
    ObjectMapper mapper = Json.mapper();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);

    Cache<ListController.ListKey, List<CreditRecord>> lists =
        Caffeine.newBuilder().maximumSize(256).recordStats().build();
    CaffeineCacheMetrics.monitor(registry, lists, "published_lists");
    Cache<CheckController.AppointmentKey, AppointmentCheck> appointmentCache =
        Caffeine.newBuilder().maximumSize(config.cacheSize()).recordStats().build();
    Cache<CheckController.SanctionKey, SanctionResult> sanctionCache =
        Caffeine.newBuilder().maximumSize(config.cacheSize()).recordStats().build();
    CaffeineCacheMetrics.monitor(registry, appointmentCache, "appointment_checks");
    CaffeineCacheMetrics.monitor(registry, sanctionCache, "sanctions_checks");
    // the audit log's group commit: entries per fsync is entries over groups
    io.micrometer.core.instrument.FunctionCounter.builder(
            "credgraph.audit.entries", backend, b -> b.audit().size())
        .description("entries in the audit log, each forced to disk before its answer")
        .register(registry);
    io.micrometer.core.instrument.FunctionCounter.builder(
            "credgraph.audit.groups", backend, b -> b.audit().groups())
        .description("writes to the audit log since start, each one write and one fsync")
        .register(registry);

    StoreFollower follower =
        StoreFollower.start(backend.engine(), config.clock(), StoreFollower.EVERY);
    var health = new HealthController(backend, config, follower);
    var subjects = new SubjectController(backend, config);
    var listController = new ListController(backend, config, lists);
    var audit = new AuditController(backend.audit());
    var metrics = new MetricsController(registry);
    LoopStore loop = LoopStore.open(backend.audit().directory().getParent());
    var feedback = new FeedbackController(backend, config, mapper, loop);
    var applications =
        new ApplicationController(backend, config, mapper, loop, ApplicationSettings.defaults());
    var checks =
        new CheckController(backend, config, mapper, appointmentCache, sanctionCache, loop)
            .watching(
                new io.credgraph.api.guard.PersonWatch(
                    protections.distinctPersonsAlert(), config.clock()));
    var records = new RecordController(backend, config, mapper);
    var simulations = new SimulationController(backend, config, mapper);
    var alerts = new AlertController(backend, config);
    var batches = new BatchController(backend, config);
    var investigations = new InvestigationController(backend, config);
    var watchlist = new WatchlistController(backend, mapper);
    String openApi;
    try {
      openApi =
          mapper
              .writerWithDefaultPrettyPrinter()
              .writeValueAsString(ApiDocs.describe(config.version()).build());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the OpenAPI document is a JSON tree", e);
    }
    var docs = new DocsController(openApi);
    var session = new io.credgraph.api.controllers.SessionController();
    var pages = new io.credgraph.api.controllers.PageController();
    var catalogues = new io.credgraph.api.controllers.CatalogueController(backend);
    var auditChain = new io.credgraph.api.controllers.AuditChainController(backend.audit());

    List<Route> routes = new CopyOnWriteArrayList<>();
    Javalin app =
        Javalin.create(
            cfg -> {
              cfg.showJavalinBanner = false;
              cfg.http.prefer405over404 = true;
              cfg.http.maxRequestSize = config.maxBodyBytes();
              cfg.router.ignoreTrailingSlashes = true;
              cfg.jsonMapper(new JavalinJackson(mapper, false));
              cfg.staticFiles.enableWebjars();
              io.credgraph.api.guard.Tls.configure(cfg, protections, listen);
              io.credgraph.api.web.WebPages.assets(cfg);
              cfg.events(
                  e ->
                      e.handlerAdded(
                          meta -> {
                            if (meta.getHttpMethod().isHttpMethod()) {
                              routes.add(
                                  new Route(
                                      meta.getHttpMethod().name(),
                                      meta.getPath(),
                                      Set.copyOf(meta.getRoles())));
                            }
                          }));
            });
    ErrorMapping.register(app);
    app.before(ctx -> ctx.attribute(STARTED, System.nanoTime()));
    app.before(io.credgraph.api.web.SecurityHeaders::apply);
    app.before(ctx -> ctx.attribute(io.credgraph.api.error.Bodies.LIMIT, config.maxBodyBytes()));
    var limits = new io.credgraph.api.guard.RateLimits(protections);
    app.beforeMatched(
        ctx -> {
          try {
            authorize(ctx, config.keys());
          } catch (ApiException e) {
            limits.check(ctx, Caller.ANONYMOUS); // a flood of bad keys spends the address's tokens
            throw e;
          }
          limits.check(ctx, Requests.caller(ctx));
        });
    app.beforeMatched(ctx -> io.credgraph.api.guard.OutOfSync.refuse(ctx, backend.engine()));
    app.before(
        "/api/v1/lists/{code}",
        ctx ->
            io.credgraph.api.guard.ListBounds.check(
                ctx, config.clock(), protections.listsEarliest()));
    app.after(ctx -> afterRequest(ctx, registry, config.slowRequest()));

    app.get("/health", health::get, Open.ANYONE);
    app.get("/metrics", metrics::get, Role.ADMIN);
    app.get("/openapi.json", docs::openApi, Open.ANYONE);
    app.get("/docs", docs::docs, Open.ANYONE);
    app.get("/api/v1/lists/{code}", listController::get, Open.ANYONE);
    app.get("/api/v1/subjects", investigations::search, Role.INVESTIGATOR);
    app.post(
        "/api/v1/subjects/search",
        ctx -> investigations.searchBody(ctx, mapper),
        Role.INVESTIGATOR);
    app.get("/api/v1/subjects/{id}", subjects::profile, Role.DEPARTMENT);
    app.get("/api/v1/audit", audit::get, Role.ADMIN);
    app.post("/api/v1/batches", batches::load, Role.STEWARD);
    app.post("/api/v1/checks/appointment", checks::appointment, Role.REGISTRY);
    app.post("/api/v1/checks/sanctions", checks::sanctions, Role.DEPARTMENT);
    app.post("/api/v1/records/{id}/status", records::status, Role.STEWARD);
    app.post("/api/v1/simulations", simulations::simulate, Role.INVESTIGATOR);
    app.get("/api/v1/alerts", alerts::list, Role.INVESTIGATOR);
    app.get("/api/v1/subjects/{id}/graph", investigations::graph, Role.INVESTIGATOR);
    app.get("/api/v1/subjects/{id}/controllers", investigations::controllers, Role.INVESTIGATOR);
    app.get("/api/v1/paths", investigations::paths, Role.INVESTIGATOR);
    app.get("/api/v1/clusters", investigations::clusters, Role.INVESTIGATOR);
    app.get("/api/v1/stats", investigations::stats, Role.INVESTIGATOR);
    app.post("/api/v1/watchlist", watchlist::watch, Role.INVESTIGATOR);
    app.post("/api/v1/checks/{checkId}/feedback", feedback::send, Role.DEPARTMENT);
    app.get("/api/v1/feedback", feedback::report, FeedbackController.REPORT);
    app.get("/api/v1/checks/{checkId}/feedback", feedback::read, Role.DEPARTMENT);
    app.get("/api/v1/me", applications::me, Role.SUBJECT);
    app.post("/api/v1/me/applications", applications::file, Role.SUBJECT);
    app.get("/api/v1/applications", applications::queue, Role.STEWARD);
    app.post("/api/v1/applications/{id}/decision", applications::decide, Role.STEWARD);
    var dashboard = new DashboardController(backend, config);
    app.get("/api/v1/stats/months", dashboard::months, Role.INVESTIGATOR);
    app.get("/api/v1/stats/alerts", dashboard::alerts, Role.INVESTIGATOR);
    app.get("/api/v1/watchlist", watchlist::list, Role.INVESTIGATOR);
    app.delete("/api/v1/watchlist/{id}", watchlist::unwatch, Role.INVESTIGATOR);
    app.get("/api/v1/session", session::get, Open.ANYONE);
    app.get("/api/v1/lists", catalogues::lists, Open.ANYONE);
    app.get("/api/v1/rules", catalogues::rules, Role.ADMIN);
    app.get("/api/v1/audit/chain", auditChain::get, Role.ADMIN);
    io.credgraph.api.web.WebPages.PAGES.forEach(p -> app.get(p.path(), pages::page, Open.ANYONE));
    CredgraphApi api = new CredgraphApi(app, routes, registry, gc, listen);
    api.follower = follower;
    api.loop = loop;
    return api;
  }

  private static void authorize(Context ctx, ApiKeys keys) {
    Set<RouteRole> roles = ctx.routeRoles();
    String header = ctx.header("Authorization");
    Caller caller = Caller.ANONYMOUS;
    if (header != null && !header.isBlank()) {
      if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
        throw ApiException.unauthorized("send the key as 'Authorization: Bearer <key>'");
      }
      caller =
          keys.authenticate(header.substring(7).trim())
              .orElseThrow(
                  () ->
                      ApiException.unauthorized("this server does not know the key that was sent"));
    }
    ctx.attribute(Requests.CALLER, caller);
    Role required =
        roles.stream()
            .filter(Role.class::isInstance)
            .map(Role.class::cast)
            .min(Enum::compareTo)
            .orElse(null);
    if (required == null) {
      return;
    }
    if (caller.isAnonymous()) {
      throw ApiException.unauthorized(
          "this route needs a key with role "
              + required
              + " or above; send 'Authorization: Bearer <key>'");
    }
    if (required == Role.SUBJECT && !caller.atLeast(required)) {
      throw ApiException.forbidden(
          "this route answers a subject's own key (role SUBJECT) only; key '"
              + caller.name()
              + "' has role "
              + caller.role().map(Enum::name).orElse("none"));
    }
    if (!caller.atLeast(required)) {
      throw ApiException.forbidden(
          "this route needs role "
              + required
              + " or above; key '"
              + caller.name()
              + "' has role "
              + caller.role().map(Enum::name).orElse("none"));
    }
  }

  private static void afterRequest(
      Context ctx, PrometheusMeterRegistry registry, java.time.Duration slow) {
    Long started = ctx.attribute(STARTED);
    long nanos = started == null ? 0 : System.nanoTime() - started;
    String route = matchedRoute(ctx);
    int status = ctx.statusCode();
    Timer.builder("http.server.requests")
        .description("HTTP requests by route and status")
        .tag("method", ctx.method().name())
        .tag("uri", route)
        .tag("status", Integer.toString(status))
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
    if (!slow.isZero()) {
      // from the moment Jetty read the request line: the time it waited for a thread counts too
      long received = receivedMillis(ctx);
      long totalMs =
          received > 0
              ? Math.max(System.currentTimeMillis() - received, nanos / 1_000_000)
              : nanos / 1_000_000;
      if (totalMs >= slow.toMillis()) { // a threshold under 1 ms logs every request
        LOG.warn(
            "slow request: {} {} {} in {} ms ({} ms in its handler) by {}",
            ctx.method().name(),
            route,
            status,
            totalMs,
            nanos / 1_000_000,
            Requests.caller(ctx).label());
        return;
      }
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "{} {} {} {}ms {}",
          ctx.method().name(),
          route,
          status,
          nanos / 1_000_000,
          Requests.caller(ctx).label());
    }
  }

  /** When Jetty began to read this request (epoch ms), or 0 when it cannot say. */
  private static long receivedMillis(Context ctx) {
    try {
      org.eclipse.jetty.server.Request base =
          org.eclipse.jetty.server.Request.getBaseRequest(ctx.req());
      return base == null ? 0 : base.getTimeStamp();
    } catch (RuntimeException e) {
      return 0;
    }
  }

  /** The route template that matched, or a fixed label (never the raw path). */
  private static String matchedRoute(Context ctx) {
    String p;
    try {
      p = ctx.endpointHandlerPath();
    } catch (RuntimeException e) {
      p = null;
    }
    if (p == null || p.isEmpty() || "*".equals(p)) {
      return ctx.path().startsWith("/webjars/") ? "/webjars/**" : "UNMATCHED";
    }
    return p;
  }

  public Javalin app() {
    return app;
  }

  /** Every HTTP route registered, in order. */
  public List<Route> routes() {
    return List.copyOf(routes);
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** Starts on {@code port} (0 for a free one) on every interface. */
  public CredgraphApi start(int port) {
    listen.set("0.0.0.0", port);
    app.start(port);
    return this;
  }

  public CredgraphApi start(String host, int port) {
    listen.set(host, port);
    app.start(host, port);
    return this;
  }

  public int port() {
    return app.port();
  }

  public void stop() {
    if (follower != null) {
      follower.close();
    }
    app.stop();
    gcMetrics.close();
    registry.close();
    loop.close();
  }
}
