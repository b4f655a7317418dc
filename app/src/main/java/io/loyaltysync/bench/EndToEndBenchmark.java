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
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.apache.kafka.streams.KafkaStreams;
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

  private static final Duration POLL = Duration.ofMillis(200);
  private static final long CHECK_NANOS = 250_000_000L;
  private static final long QUIET_NANOS = 5_000_000_000L;
  private static final String MAIN = "main";
  private static final String INITIAL = "initial";

  private final EndToEndSettings settings;
  private final Map<String, String> options;
  private final Progress progress;
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
                  freshTopics(config),
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
        new EventPublisher(cluster.clientProps(), freshTopics(config), false)) {
      publisher.sendCurrencies(System.currentTimeMillis());
      for (int i = 0; i < events; i++) {
        publisher.send(generator.next(System.currentTimeMillis()));
        if ((i & 1023) == 0) {
          final int done = i;
          progress.tick(() -> "published " + Progress.count(done, events, seconds(start)));
        }
      }
      publisher.flush();
      final double seconds = seconds(start);
      progress.line("published " + Progress.count(events, events, seconds));
      return new EndToEndReport.Load(
          events, settings.keys(), generator.counts(), publisher.bytes(), seconds);
    }
  }

  private EndToEndReport.Run pipelineRun(
      final BenchCluster cluster, final SyncConfig config, final SyncTopology topology) {
    probe.phase("pipeline");
    progress.phase("pipeline", "the job drains the events under " + config.processingGuarantee());
    final List<String> outbound = outboundTopics(topology.topics());
    try (OutputWatcher watcher =
            new OutputWatcher(cluster.clientProps(), outbound, false, Map.of(), null);
        Pipeline job = new Pipeline(topology.build(), StreamsSettings.of(config))) {
      final Throughput throughput =
          drain(
              "pipeline",
              job,
              watcher,
              settings.events(),
              () -> counter(job.streams(), Counter.IN),
              () -> counter(job.streams(), Counter.WRITES));
      final EndToEndReport.Run run =
          new EndToEndReport.Run(throughput, SyncCounters.of(job.streams()));
      // The latency runs restart the job under the same application id.
      job.closeAndLeaveGroup();
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
            new Pipeline(PassThroughTopology.build(freshTopics(config), outputs), streams)) {
      final long events = settings.events();
      return new EndToEndReport.Run(
          drain("pass-through", job, watcher, events, watcher::count, () -> events), Map.of());
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
        new EventPublisher(cluster.clientProps(), freshTopics(config), false)) {
      for (int i = 0; i < cards; i++) {
        publisher.send(snapshot.card(i, System.currentTimeMillis()));
        if ((i & 1023) == 0) {
          final int done = i;
          progress.tick(() -> "published " + Progress.count(done, cards, seconds(start)));
        }
      }
      publisher.flush();
    }
    final double loadSeconds = seconds(start);
    progress.line("published " + Progress.count(cards, cards, loadSeconds));
    probe.phase("initial-sync");
    progress.phase("initial-sync", "a fresh job syncs them to the Dataverse outbound topic");
    final Throughput throughput;
    final String crmCards = topology.topics().records(Template.CARD, Side.CRM).name();
    try (OutputWatcher watcher =
            new OutputWatcher(cluster.clientProps(), List.of(crmCards), false, Map.of(), null);
        Pipeline job = new Pipeline(topology.build(), StreamsSettings.of(config))) {
      throughput =
          drain(
              "initial-sync",
              job,
              watcher,
              cards,
              () -> counter(job.streams(), Counter.IN),
              () -> cards);
      // The job still holds every key: what is live now is what a million keys cost.
      initialSyncLiveHeap = MemoryProbe.liveHeapAfterFullGc();
      probe.phase("initial-close");
    }
    // Closed: the stores are flushed and checkpointed, so the directory is what a restart finds.
    final long storeBytes = BenchCluster.sizeOf(cluster.stateDir(INITIAL));
    initialSync = new EndToEndReport.InitialSync(cards, loadSeconds, throughput, storeBytes);
  }

  // ---- draining -------------------------------------------------------------------------------

  /**
   * Starts {@code job} and reads its output until it has read {@code inputs} records and the output
   * holds {@code expectedOutputs}; if the output stays short while the job has read everything and
   * the consumer is at the end for {@value #QUIET_NANOS} ns, takes what it has.
   */
  private Throughput drain(
      final String phase,
      final Pipeline job,
      final OutputWatcher watcher,
      final long inputs,
      final LongSupplier processed,
      final LongSupplier expectedOutputs) {
    final long start = System.nanoTime();
    final long deadline = start + settings.deadlineFor(inputs).toNanos();
    job.start();
    long in = 0;
    long expected = Long.MAX_VALUE;
    long lastCheck = 0;
    while (true) {
      failIfStopped(phase, job);
      watcher.poll(POLL);
      final long now = System.nanoTime();
      if (now - lastCheck >= CHECK_NANOS) {
        in = processed.getAsLong();
        expected = expectedOutputs.getAsLong();
        lastCheck = now;
      }
      final long seen = watcher.count();
      final long read = in;
      final long wanted = expected;
      progress.tick(
          () ->
              "read "
                  + Progress.count(read, inputs, seconds(start))
                  + "; outputs seen "
                  + Format.count(seen)
                  + (wanted == Long.MAX_VALUE ? "" : " of " + Format.count(wanted)));
      if (in >= inputs && seen >= expected) {
        break;
      }
      if (in >= inputs && now - watcher.lastSeenNanos() > QUIET_NANOS && watcher.atEnd()) {
        progress.line(
            "warning: the job read every input but only "
                + seen
                + " of "
                + expected
                + " outputs appeared; taking those");
        break;
      }
      if (now - deadline > 0) {
        throw new BenchFailure(
            phase
                + ": not done after "
                + Format.fixed(seconds(start), 0)
                + " s: the topology read "
                + in
                + " of "
                + inputs
                + " inputs, and "
                + seen
                + " of "
                + (expected == Long.MAX_VALUE ? "?" : Long.toString(expected))
                + " outputs were seen (raise --timeout if the machine is just slow)");
      }
    }
    final String clientId = clientIdOf(job);
    final Throughput throughput =
        new Throughput(
            inputs,
            watcher.count(),
            watcher.firstAppendMillis(),
            watcher.lastAppendMillis(),
            (watcher.lastSeenNanos() - start) / 1e9,
            ThreadCpu.seconds(clientId, true),
            ThreadCpu.seconds(clientId, false));
    progress.line(
        Format.count(throughput.inputPerSecond())
            + " input records/s, "
            + Format.count(throughput.outputPerSecond())
            + " output records/s over "
            + Format.fixed(throughput.windowSeconds(), 2)
            + " s; stream thread on CPU "
            + Format.fixed(throughput.streamThreadBusyPercent(), 0)
            + "% of the time, "
            + Format.fixed(throughput.cpuMicrosPerInputRecord(), 1)
            + " us CPU per input record");
    return throughput;
  }

  /**
   * The client id of a running topology (application id + a UUID), which starts the name of each of
   * its threads; "" when it has no stream thread.
   */
  private static String clientIdOf(final Pipeline job) {
    return job.streams().metadataForLocalThreads().stream()
        .map(thread -> thread.threadName())
        .map(name -> name.substring(0, name.lastIndexOf("-StreamThread-")))
        .findFirst()
        .orElse("");
  }

  static void failIfStopped(final String phase, final Pipeline job) {
    if (job.failure().isPresent()) {
      throw new BenchFailure(
          phase + ": the topology failed: " + job.failure().get(), job.failure().get());
    }
    final KafkaStreams.State state = job.streams().state();
    if (state == KafkaStreams.State.ERROR
        || state == KafkaStreams.State.NOT_RUNNING
        || state == KafkaStreams.State.PENDING_ERROR) {
      throw new BenchFailure(phase + ": the topology stopped (" + state + ")");
    }
  }

  static long counter(final KafkaStreams streams, final Counter counter) {
    return SyncCounters.of(streams).get(counter);
  }

  static List<String> outboundTopics(final Topics topics) {
    final List<String> names = new ArrayList<>();
    for (final Template template : Template.values()) {
      for (final Side side : Side.values()) {
        names.add(topics.records(template, side).name());
      }
    }
    return names;
  }

  /** A set of topics with serdes of its own, for a client that must not share the job's. */
  static Topics freshTopics(final SyncConfig config) {
    return new SyncTopology(config, SchemaRegistries.serdesFor(config)).topics();
  }

  private static Map<Template, CompiledMap> maps(final SyncTopology topology) {
    final Map<Template, CompiledMap> maps = new EnumMap<>(Template.class);
    for (final Template template : Template.values()) {
      maps.put(template, topology.map(template));
    }
    return maps;
  }

  static double seconds(final long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
