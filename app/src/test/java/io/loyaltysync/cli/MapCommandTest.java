package io.loyaltysync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** The {@code map} command as a user runs it, on the README's example files. */
class MapCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path EXAMPLES = Path.of("examples");

  /** What one run printed and returned. */
  private record Run(int exitCode, List<String> out, List<String> err) {
    List<JsonNode> records() throws IOException {
      final List<JsonNode> nodes = new ArrayList<>();
      for (final String line : out) {
        nodes.add(JSON.readTree(line));
      }
      return nodes;
    }
  }

  private static Run run(final String... args) {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final CommandLine command = Main.commandLine();
    command.setOut(new PrintWriter(out));
    command.setErr(new PrintWriter(err));
    final int exitCode = command.execute(args);
    return new Run(exitCode, lines(out), lines(err));
  }

  private static List<String> lines(final StringWriter writer) {
    return writer.toString().lines().filter(l -> !l.isBlank()).toList();
  }

  private static long eventLines(final Path file) throws IOException {
    return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).count();
  }

  @ParameterizedTest(name = "{0} from {1} to {2}")
  @CsvSource({
    "card, erp, crm",
    "card, crm, erp",
    "level, erp, crm",
    "level, crm, erp",
    "reward-point, erp, crm",
    "reward-point, crm, erp"
  })
  void shouldMapEveryLineOfTheReadmeExamples(
      final String template, final String from, final String to) throws IOException {
    final Path file = EXAMPLES.resolve(template + "-" + from + "-events.jsonl");

    final Run run = run("map", "--template", template, "--to", to, file.toString());

    assertEquals(0, run.exitCode(), run.err().toString());
    assertEquals(eventLines(file), run.out().size());
    for (final JsonNode record : run.records()) {
      assertTrue(record.path("op").asText().matches("UPSERT|DELETE"), record.toString());
      assertEquals(
          from.toUpperCase(java.util.Locale.ROOT), record.path("source").path("system").asText());
    }
    assertTrue(
        run.err()
            .get(run.err().size() - 1)
            .startsWith("map: " + eventLines(file) + " mapped, 0 failed"));
  }

  @Test
  void shouldWriteTheMappedDataverseColumnsOfAnFoCard() throws IOException {
    final Run run =
        run(
            "map",
            "--template",
            "card",
            "--to",
            "crm",
            EXAMPLES.resolve("card-erp-events.jsonl").toString());

    final JsonNode created = run.records().get(0);
    assertEquals("UPSERT", created.path("op").asText());
    assertEquals("LC-000123456", created.path("key").path("cardNumber").asText());
    final JsonNode record = created.path("record");
    assertEquals(806380000, record.path("msdyn_cardtendertype").intValue());
    assertEquals("2026-01-15", record.path("msdyn_enrollmentdate").asText());
    assertTrue(
        record.path("msdyn_replacementcardnumber").isNull(), "F&O '' is no value in Dataverse");
    assertEquals(7, record.size(), "exactly the seven mapped columns");
    final JsonNode deleted = run.records().get(3);
    assertEquals("DELETE", deleted.path("op").asText());
    assertTrue(deleted.path("record").isNull());
  }

  @Test
  void shouldNotWriteAOneWayFoFieldWhenMappingADataverseCard() throws IOException {
    final Run run =
        run(
            "map",
            "--template",
            "card",
            "--to",
            "erp",
            EXAMPLES.resolve("card-crm-events.jsonl").toString());

    final JsonNode record = run.records().get(0).path("record");
    assertFalse(record.has("REPLACEMENTCARDNUMBER"), record.toString());
    assertEquals("asContactTender", record.path("CARDTENDERTYPE").asText());
    assertEquals("1900-01-01", record.path("LOYALTYENROLLMENTDATELOCAL").asText());
  }

  @Test
  void shouldReportEachBadLineWithItsNumberAndReasonAndStillMapTheOthers() throws IOException {
    final Run run =
        run(
            "map",
            "--template",
            "card",
            "--to",
            "crm",
            EXAMPLES.resolve("card-erp-bad-lines.jsonl").toString());

    assertEquals(MapCommand.SOME_LINES_FAILED, run.exitCode());
    assertEquals(
        List.of("LC-000123456", "LC-000123459"),
        run.records().stream().map(r -> r.path("key").path("cardNumber").asText()).toList());
    assertEquals(
        List.of(
            "line 2: VALIDATION: CARDNUMBER: at most 30 characters (was 31)",
            "line 3: DESERIALIZATION: after.CARDTENDERTYPE: \"gold\" is not one of [asCardTender,"
                + " asContactTender, noTender, blocked]",
            "line 4: VALIDATION: OMOPERATINGUNITNUMBER: at most 8 characters (was 11)",
            "line 5: DESERIALIZATION: not valid JSON",
            "line 6: VALIDATION: key: required for DELETE (after is null)",
            "map: 2 mapped, 5 failed (card map 1.1, erp-to-crm)"),
        run.err().stream()
            .map(l -> l.startsWith("line 5:") ? l.substring(0, l.indexOf(" JSON") + 5) : l)
            .toList());
  }

  @Test
  void shouldReportAValueOutsideTheValueMapAsAMappingError(@TempDir final Path dir)
      throws IOException {
    final Path input = dir.resolve("crm.jsonl");
    Files.writeString(
        input,
        "{\"op\":\"UPDATE\",\"after\":{\"msdyn_cardnumber\":\"C-1\",\"msdyn_cardtendertype\":806380009},"
            + "\"source\":{\"system\":\"CRM\",\"timestamp\":\"2026-11-23T09:00:00Z\"}}\n");

    final Run run = run("map", "--template", "card", "--to", "erp", input.toString());

    assertEquals(MapCommand.SOME_LINES_FAILED, run.exitCode());
    assertEquals(
        "line 1: MAPPING: msdyn_cardtendertype -> CARDTENDERTYPE: value 806380009 is outside the value"
            + " map [806380000, 806380001, 806380002, 806380003]",
        run.err().get(0));
  }

  @Test
  void shouldReadEventsFromStandardInput() throws IOException {
    final InputStream stdin = System.in;
    try {
      System.setIn(
          new ByteArrayInputStream(Files.readAllBytes(EXAMPLES.resolve("level-erp-events.jsonl"))));
      final Run run = run("map", "--template", "level", "--to", "crm", "-");
      assertEquals(0, run.exitCode(), run.err().toString());
      assertEquals("usmf", run.records().get(0).path("key").path("company").asText());
    } finally {
      System.setIn(stdin);
    }
  }

  @Test
  void shouldMapWithThePinnedSixRowCardMap() throws IOException {
    final Run run =
        run(
            "map",
            "--template",
            "card",
            "--to",
            "crm",
            "--map-version",
            "1.0",
            EXAMPLES.resolve("card-erp-events.jsonl").toString());

    assertEquals(0, run.exitCode());
    final JsonNode record = run.records().get(0).path("record");
    assertEquals(6, record.size());
    assertFalse(record.has("msdyn_effectivedate"));
  }

  @Test
  void shouldMapWithAMapFileBeingEdited(@TempDir final Path dir) throws IOException {
    final Path map = dir.resolve("card-2.0.json");
    Files.writeString(
        map,
        Files.readString(Path.of("src/main/resources/maps/card/1.1.json"))
            .replace("\"version\": \"1.1\"", "\"version\": \"2.0\"")
            .replace(
                "{\"erp\": \"PARTYNUMBER\", \"map\": \"=\", \"crm\": \"msdyn_partynumber\"},", ""));

    final Run run =
        run(
            "map",
            "--template",
            "card",
            "--to",
            "crm",
            "--map-file",
            map.toString(),
            EXAMPLES.resolve("card-erp-events.jsonl").toString());

    assertEquals(0, run.exitCode(), run.err().toString());
    assertFalse(run.records().get(0).path("record").has("msdyn_partynumber"));
    assertTrue(run.err().get(run.err().size() - 1).contains("card map 2.0"));
  }

  @Test
  void shouldRefuseToStartOnABrokenMapFileWithOneMessage(@TempDir final Path dir)
      throws IOException {
    final Path map = dir.resolve("broken.json");
    Files.writeString(
        map,
        Files.readString(Path.of("src/main/resources/maps/card/1.1.json"))
            .replace("\"crm\": \"msdyn_partynumber\"", "\"crm\": \"msdyn_partynumbr\""));

    final Run run =
        run("map", "--template", "card", "--to", "crm", "--map-file", map.toString(), "-");

    assertEquals(MapCommand.CANNOT_START, run.exitCode());
    assertEquals(
        List.of(
            "map: map file "
                + map
                + ": row 3 (PARTYNUMBER = msdyn_partynumbr): unknown Dataverse column"
                + " 'msdyn_partynumbr' in msdyn_loyaltycard"),
        run.err());
    assertEquals(List.of(), run.out());
  }

  @Test
  void shouldRefuseAnUnknownTemplateAMissingDirectionAndAnUnknownVersion() {
    assertEquals(
        MapCommand.CANNOT_START, run("map", "--template", "tier", "--to", "crm").exitCode());
    assertEquals(MapCommand.CANNOT_START, run("map", "--template", "card").exitCode());
    final Run version = run("map", "--template", "card", "--to", "crm", "--map-version", "9.9");
    assertEquals(MapCommand.CANNOT_START, version.exitCode());
    assertEquals(
        List.of("map: no map version 9.9 for template card; bundled versions: [1.0, 1.1]"),
        version.err());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"card, card-1.1.md", "level, level-1.0.md", "reward-point, reward-point-1.0.md"})
  void shouldDescribeTheCurrentMapAsTheTableOfTheDualWriteReference(
      final String template, final String expectedFile) throws IOException {
    final Run run = run("map", "--describe", "--template", template);

    assertEquals(0, run.exitCode());
    final List<String> expected =
        Files.readAllLines(
                Path.of("src/test/resources/describe", expectedFile), StandardCharsets.UTF_8)
            .stream()
            .filter(l -> l.startsWith("|"))
            .toList();
    assertEquals(expected, run.out().stream().filter(l -> l.startsWith("|")).toList());
  }
}
