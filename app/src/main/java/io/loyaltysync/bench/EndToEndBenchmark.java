package io.loyaltysync.bench;

import io.loyaltysync.cli.Pipeline;
import io.loyaltysync.config.StreamsSettings;
import io.loyaltysync.config.SyncConfig;
import io.loyaltysync.mapping.CompiledMap;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.mapping.Template;
import io.loyaltysync.serde.SchemaRegistries;
import io.loyaltysync.topology.SyncMetrics.Counter;
import io.loyaltysync.topology.SyncTopology;
import io.loyaltysync.topology.Topics;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The end-to-end benchmark ({@code bench}; design.md, Performance): on one cluster and one set of
 * loaded change events, the job's sustained throughput under exactly_once_v2, a pass-through
 * topology's on the same events, latency at full and at a fixed load, an initial sync, and then the
 * map engine alone; memory throughout.
 *
 * <p>The job runs in this process exactly as {@code run} runs it: the real {@link SyncTopology},
 * {@link StreamsSettings} from the same configuration, the default commit interval. Phases:
 *
 * <ol>
 *   <li>load: the change events ({@link ChangeEventGenerator}) into the change topics, currencies
 *       first;
 *   <li>pipeline: the job drains them; done when it has read every event and a read_committed
 *       consumer has seen every write its accounting counted;
 *   <li>pass-through: {@link PassThroughTopology} drains the same events;
 *   <li>latency: the job restarts on its state; a paced producer offers 100%, then the fixed
 *       percentage, of the measured maximum, each event stamped with its send time;
 *   <li>initial sync: SNAPSHOT cards into fresh topics, a fresh job, until the last card is out;
 *   <li>map engine: {@link MapEngineBenchmark}, briefly, after the cluster is gone.
 * </ol>
 *
 * Every wait has a deadline; a phase that misses it fails the run with what it had seen.
 */
public final class EndToEndBenchmark implements AutoCloseable {

  private static final String MAIN = "main";
  private static final String INITIAL = "initial";

  private final EndToEndSettings settings;
  private final Map<String, String> options;
  private final Progress progress;
  private final Drainer drainer;
  private final MemoryProbe probe = new MemoryProbe();
  private final String runId =
      Long.toString(System.currentTimeMillis(), 36)
          + "-"
          + UUID.randomUUID().toString().substring(0, 4);

  private EndToEndReport.Load load;
  private EndToEndReport.Run pipeline;
  private EndToEndReport.Run passThrough;
  private final List<EndToEndReport.LatencyRun> latency = new ArrayList<>();
  private EndToEndReport.InitialSync initialSync;
  private long initialSyncLiveHeap = -1;
  private BenchmarkReport mapEngine;

  /**
   * @param settings the run's settings
   * @param options the job's options, every layer merged
   * @param err where progress goes
   */
  public EndToEndBenchmark(
      final EndToEndSettings settings, final Map<String, String> options, final PrintWriter err) {
    this.settings = settings;
    this.options = Map.copyOf(options);
    this.progress = new Progress(err);
    this.drainer = new Drainer(settings, progress);
  }

  /**
   * Runs every phase that needs Kafka on the cluster at {@code bootstrapServers}.
   *
   * @throws BenchFailure when a phase fails or misses its deadline
   */
  public void onCluster(final String bootstrapServers, final boolean embedded) {
    try (BenchCluster cluster =
        new BenchCluster(
            options,
            bootstrapServers,
            embedded,
            runId,
            settings.partitions(),
            settings.replicationFactor())) {
      mainPhases(cluster);
      if (settings.phases().initialSync()) {
        initialSync(cluster);
      }
    }
  }

  /** Runs the map engine alone, if asked; best with the cluster gone, on a quiet machine. */
  public void mapEngine() {
    if (!settings.phases().mapEngine()) {
      return;
    }
    probe.phase("map-engine");
    progress.phase("map-engine", "the map engine alone, one thread");
    mapEngine =
        MapEngineBenchmark.run(
            settings.mapEngine(), new PrintStream(OutputStream.nullOutputStream(), true));
    progress.line("done");
  }

  /** The figures so far. */
  public EndToEndReport report(
      final String commandLine, final String cluster, final Map<String, String> shownOptions) {
    final MemoryProbe.Peaks overall = probe.overall();
    final MemoryProbe.Peaks sync = probe.peaks("initial-sync");
    final EndToEndReport.Memory memory =
        new EndToEndReport.Memory(
            overall.heapUsed(),
            overall.heapAfterGc(),
            initialSync == null ? 0 : initialSync.cards(),
            sync.heapAfterGc(),
            initialSyncLiveHeap,
            Math.max(MemoryProbe.peakRss(), overall.rss()));
    return new EndToEndReport(
        EndToEndReport.Machine.current(),
        settings,
        commandLine,
        cluster,
        shownOptions,
        load,
        pipeline,
        passThrough,
        latency,
        initialSync,
        memory,
        mapEngine);
  }

  /** Stops measuring memory. */
  @Override
  public void close() {
    probe.close();
  }

  // ---- load, pipeline, pass-through, latency --------------------------------------------------

  private void mainPhases(final BenchCluster cluster) {
    final SyncConfig config = cluster.config(MAIN);
    final SyncTopology topology = new SyncTopology(config, SchemaRegistries.serdesFor(config));
    final Topics topics = topology.topics();
    final Map<String, String> passThroughOutputs =
        PassThroughTopology.outputs(topics, config.topicPrefix());
    cluster.createTopics(
        topics, settings.phases().passThrough() ? passThroughOutputs.values() : List.of());
    final ChangeEventGenerator generator =
        new ChangeEventGenerator(
            maps(topology),
            settings.keys(),
            settings.echoRate(),
            settings.conflictRate(),
            config.originMarker(),
            settings.seed());
    load = load(cluster, config, generator);
    pipeline = pipelineRun(cluster, config, topology);
    if (settings.phases().passThrough()) {
      passThrough = passThroughRun(cluster, config, passThroughOutputs);
    }
    if (settings.phases().latency()) {
      latency.addAll(
          new PacedRuns(settings, progress, probe)
              .run(
                  cluster,
                  config,
                  topology,
                  Drainer.freshTopics(config),
                  generator,
                  pipeline.throughput().inputPerSecond()));
    }
  }

  private EndToEndReport.Load load(
      final BenchCluster cluster, final SyncConfig config, final ChangeEventGenerator generator) {
    probe.phase("load");
    final int events = settings.events();
    progress.phase(
        "load",
        "publishing "
            + Format.count(events)
            + " change events over "
            + Format.count(settings.keys())
            + " rows into "
            + config.topicPrefix()
            + "*");
    final long start = System.nanoTime();
    try (EventPublisher publisher =
        new EventPublisher(cluster.clientProps(), Drainer.freshTopics(config), false)) {
      publisher.sendCurrencies(System.currentTimeMillis());
      for (int i = 0; i < events; i++) {
        publisher.send(generator.next(System.currentTimeMillis()));
        if ((i & 1023) == 0) {
          final int done = i;
          progress.tick(() -> "published " + Progress.count(done, events, Drainer.seconds(start)));
        }
      }
      publisher.flush();
      final double seconds = Drainer.seconds(start);
      progress.line("published " + Progress.count(events, events, seconds));
      return new EndToEndReport.Load(
          events, settings.keys(), generator.counts(), publisher.bytes(), seconds);
    }
  }

  private EndToEndReport.Run pipelineRun(
      final BenchCluster cluster, final SyncConfig config, final SyncTopology topology) {
    probe.phase("pipeline");
    progress.phase("pipeline", "the job drains the events under " + config.processingGuarantee());
    final List<String> outbound = Drainer.outboundTopics(topology.topics());
    try (OutputWatcher watcher =
            new OutputWatcher(cluster.clientProps(), outbound, false, Map.of(), null);
        Pipeline job = new Pipeline(topology.build(), StreamsSettings.of(config))) {
      final Throughput throughput =
          drainer.drain(
              "pipeline",
              job,
              watcher,
              settings.events(),
              () -> Drainer.counter(job.streams(), Counter.IN),
              () -> Drainer.counter(job.streams(), Counter.WRITES));
      final EndToEndReport.Run run =
          new EndToEndReport.Run(throughput, SyncCounters.of(job.streams()));
      // The latency runs restart the job under the same application id; close() leaves the group,
      // so the restarted job does not wait out this one's session timeout.
      job.close();
      return run;
    }
  }

  private EndToEndReport.Run passThroughRun(
      final BenchCluster cluster, final SyncConfig config, final Map<String, String> outputs) {
    probe.phase("pass-through");
    progress.phase(
        "pass-through",
        "a pass-through topology (decode + encode, no state) drains the same events");
    final Properties streams = StreamsSettings.of(config);
    streams.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId() + "-passthrough");
    streams.put(StreamsConfig.STATE_DIR_CONFIG, cluster.stateDir("passthrough").toString());
    try (OutputWatcher watcher =
            new OutputWatcher(
                cluster.clientProps(), List.copyOf(outputs.values()), false, Map.of(), null);
        Pipeline job =
            new Pipeline(
                PassThroughTopology.build(Drainer.freshTopics(config), outputs), streams)) {
      final long events = settings.events();
      return new EndToEndReport.Run(
          drainer.drain("pass-through", job, watcher, events, watcher::count, () -> events),
          Map.of());
    }
  }

  // ---- initial sync ---------------------------------------------------------------------------

  private void initialSync(final BenchCluster cluster) {
    final SyncConfig config = cluster.config(INITIAL);
    final SyncTopology topology = new SyncTopology(config, SchemaRegistries.serdesFor(config));
    cluster.createTopics(topology.topics(), List.of());
    final int cards = settings.initialSyncCards();
    probe.phase("initial-load");
    progress.phase(
        "initial-load", "publishing " + Format.count(cards) + " F&O SNAPSHOT cards (unique keys)");
    final InitialSyncCards snapshot = new InitialSyncCards(settings.seed());
    final long start = System.nanoTime();
    try (EventPublisher publisher =
        new EventPublisher(cluster.clientProps(), Drainer.freshTopics(config), false)) {
      for (int i = 0; i < cards; i++) {
        publisher.send(snapshot.card(i, System.currentTimeMillis()));
        if ((i & 1023) == 0) {
          final int done = i;
          progress.tick(() -> "published " + Progress.count(done, cards, Drainer.seconds(start)));
        }
      }
      publisher.flush();
    }
    final double loadSeconds = Drainer.seconds(start);
    progress.line("published " + Progress.count(cards, cards, loadSeconds));
    probe.phase("initial-sync");
    progress.phase("initial-sync", "a fresh job syncs them to the Dataverse outbound topic");
    final Throughput throughput;
    final String crmCards = topology.topics().records(Template.CARD, Side.CRM).name();
    try (OutputWatcher watcher =
            new OutputWatcher(cluster.clientProps(), List.of(crmCards), false, Map.of(), null);
        Pipeline job = new Pipeline(topology.build(), StreamsSettings.of(config))) {
      throughput =
          drainer.drain(
              "initial-sync",
              job,
              watcher,
              cards,
              () -> Drainer.counter(job.streams(), Counter.IN),
              () -> cards);
      // The job still holds every key: what is live now is what a million keys cost.
      initialSyncLiveHeap = MemoryProbe.liveHeapAfterFullGc();
      probe.phase("initial-close");
    }
    // Closed: the stores are flushed and checkpointed, so the directory is what a restart finds.
    final long storeBytes = BenchCluster.sizeOf(cluster.stateDir(INITIAL));
    initialSync = new EndToEndReport.InitialSync(cards, loadSeconds, throughput, storeBytes);
  }

  private static Map<Template, CompiledMap> maps(final SyncTopology topology) {
    final Map<Template, CompiledMap> maps = new EnumMap<>(Template.class);
    for (final Template template : Template.values()) {
      maps.put(template, topology.map(template));
    }
    return maps;
  }
}
