package io.loyaltysync.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyaltysync.avro.common.SourceMetadata;
import io.loyaltysync.avro.error.ErrorCategory;
import io.loyaltysync.json.AvroJson;
import io.loyaltysync.json.JsonFormatException;
import io.loyaltysync.mapping.ChangeMapper;
import io.loyaltysync.mapping.CompiledMap;
import io.loyaltysync.mapping.Direction;
import io.loyaltysync.mapping.MapFileException;
import io.loyaltysync.mapping.MapRegistry;
import io.loyaltysync.mapping.MapTable;
import io.loyaltysync.mapping.MappedChange;
import io.loyaltysync.mapping.RecordRejectedException;
import io.loyaltysync.mapping.Template;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Dry-runs a map: reads change events as JSON lines and prints the mapped records as JSON lines, so
 * a map change can be tested on real events before it is deployed.
 */
@Command(
    name = "map",
    mixinStandardHelpOptions = true,
    description = {
      "Map change events (JSON lines) to the other side and print the mapped records (JSON lines).",
      "A bad line is reported on stderr with its line number and reason; the others still map.",
      "Exit code: 0 all lines mapped, 1 some lines failed, 2 bad usage or an unusable map."
    })
public final class MapCommand implements Callable<Integer> {

  static final int SOME_LINES_FAILED = 1;
  static final int CANNOT_START = 2;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec private CommandSpec spec;

  @Option(
      names = "--template",
      required = true,
      paramLabel = "card|level|reward-point",
      description = "The table map to use.")
  private String template;

  @Option(
      names = "--to",
      paramLabel = "crm|erp",
      description = "The side to map to; the input holds the other side's change events.")
  private String to;

  @Option(
      names = "--map-version",
      paramLabel = "V",
      description =
          "A bundled map version (default: the newest, e.g. 1.1 for card; 1.0 is the old six-row card map).")
  private String mapVersion;

  @Option(
      names = "--map-file",
      paramLabel = "FILE",
      description = "Use this map file instead of a bundled one, e.g. one being edited.")
  private Path mapFile;

  @Option(
      names = "--describe",
      description =
          "Print the map as a table in the shape of the dual-write map reference, and exit.")
  private boolean describe;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "FILE|-",
      defaultValue = "-",
      description = "Change events, one JSON object a line; '-' (the default) reads stdin.")
  private String input;

  @Override
  public Integer call() throws IOException {
    final PrintWriter out = spec.commandLine().getOut();
    final PrintWriter err = spec.commandLine().getErr();
    final CompiledMap map;
    try {
      map = loadMap();
    } catch (final MapFileException | IllegalArgumentException e) {
      err.println("map: " + e.getMessage());
      err.flush();
      return CANNOT_START;
    }
    if (describe) {
      out.print(MapTable.render(map));
      out.flush();
      return 0;
    }
    if (to == null) {
      err.println("map: --to crm|erp is required unless --describe is given");
      err.flush();
      return CANNOT_START;
    }
    final Direction direction =
        switch (to) {
          case "crm" -> Direction.ERP_TO_CRM;
          case "erp" -> Direction.CRM_TO_ERP;
          default -> null;
        };
    if (direction == null) {
      err.println("map: --to must be crm or erp, not '" + to + "'");
      err.flush();
      return CANNOT_START;
    }
    try (Reader reader = open()) {
      return mapLines(new BufferedReader(reader), map, direction, out, err);
    }
  }

  private CompiledMap loadMap() {
    final Template chosen =
        Template.ofId(template)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "--template must be card, level or reward-point, not '" + template + "'"));
    if (mapFile != null) {
      if (mapVersion != null) {
        throw new IllegalArgumentException("give --map-file or --map-version, not both");
      }
      final CompiledMap map = MapRegistry.load(mapFile);
      if (map.template() != chosen) {
        throw new IllegalArgumentException(
            "map file "
                + mapFile
                + " maps template "
                + map.template().id()
                + ", not "
                + chosen.id());
      }
      return map;
    }
    final MapRegistry registry = MapRegistry.bundled();
    return mapVersion == null ? registry.current(chosen) : registry.version(chosen, mapVersion);
  }

  private Reader open() throws IOException {
    return "-".equals(input)
        ? new InputStreamReader(System.in, StandardCharsets.UTF_8)
        : Files.newBufferedReader(Path.of(input), StandardCharsets.UTF_8);
  }

  private static int mapLines(
      final BufferedReader lines,
      final CompiledMap map,
      final Direction direction,
      final PrintWriter out,
      final PrintWriter err)
      throws IOException {
    final ChangeMapper mapper = map.changes(direction);
    final Schema eventSchema = map.template().changeEvent(direction.source());
    int number = 0;
    int mapped = 0;
    int failed = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      try {
        final IndexedRecord event = (IndexedRecord) AvroJson.read(parse(line), eventSchema);
        out.println(render(mapper.map(event)));
        mapped++;
      } catch (final JsonFormatException e) {
        failed++;
        err.println(
            "line " + number + ": " + ErrorCategory.DESERIALIZATION + ": " + e.getMessage());
      } catch (final RecordRejectedException e) {
        failed++;
        err.println("line " + number + ": " + e.category() + ": " + e.reason());
      }
    }
    err.println(
        "map: "
            + mapped
            + " mapped, "
            + failed
            + " failed ("
            + map.template().id()
            + " map "
            + map.version()
            + ", "
            + direction.label()
            + ")");
    out.flush();
    err.flush();
    return failed == 0 ? 0 : SOME_LINES_FAILED;
  }

  private static JsonNode parse(final String line) throws JsonFormatException {
    try {
      return JSON.readTree(line);
    } catch (final JsonProcessingException e) {
      throw new JsonFormatException("not valid JSON: " + e.getOriginalMessage());
    }
  }

  /** One output line: the upsert or delete a writer into the target side would apply. */
  static ObjectNode render(final MappedChange change) {
    final ObjectNode line = JSON.createObjectNode();
    line.put("op", change.isDelete() ? "DELETE" : "UPSERT");
    line.put("event", change.operation().name());
    line.set("key", AvroJson.writeRecord(change.key(), null));
    line.set(
        "record",
        change.isDelete()
            ? JSON.nullNode()
            : AvroJson.writeRecord(change.value().record(), change.value().columns()));
    line.set("source", AvroJson.write(change.source(), SourceMetadata.getClassSchema()));
    return line;
  }
}
