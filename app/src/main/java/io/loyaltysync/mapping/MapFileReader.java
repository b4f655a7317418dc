package io.loyaltysync.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a map file's JSON into a {@link MapDefinition}; the shape only, not the schemas. */
public final class MapFileReader {

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS).build();

  private static final Set<String> TOP_LEVEL =
      Set.of(
          "template",
          "version",
          "description",
          "scope",
          "company",
          "key",
          "conflictPolicy",
          "initialSyncMaster",
          "fields");
  private static final Set<String> ROW =
      Set.of("erp", "map", "crm", "lookupTable", "valueMap", "default");

  private MapFileReader() {}

  /** Parses {@code json}, read from {@code source} (a path or resource name used in messages). */
  public static MapDefinition read(final String source, final String json) {
    final JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (final JsonProcessingException e) {
      throw MapFileException.inFile(
          source, "not valid JSON: " + e.getOriginalMessage() + location(e));
    }
    if (root == null || !root.isObject()) {
      throw MapFileException.inFile(source, "expected a JSON object");
    }
    unknownProperties(root, TOP_LEVEL).ifPresentOrThrow(source, null);

    final String templateId = requiredText(source, root, "template");
    final Template template =
        Template.ofId(templateId)
            .orElseThrow(
                () ->
                    MapFileException.inFile(
                        source,
                        "unknown template '"
                            + templateId
                            + "' (expected card, level or reward-point)"));
    final String version = requiredText(source, root, "version");
    if (!version.matches("\\d+(\\.\\d+)*")) {
      throw MapFileException.inFile(source, "version '" + version + "' is not of the form 1.2");
    }
    final String scope = requiredText(source, root, "scope");
    final MapRow company;
    switch (scope) {
      case "global" -> {
        if (root.has("company")) {
          throw MapFileException.inFile(source, "a global map has no 'company'");
        }
        company = null;
      }
      case "company" -> {
        final JsonNode node = root.get("company");
        if (node == null || !node.isObject()) {
          throw MapFileException.inFile(
              source, "scope 'company' needs a 'company' object {erp, crm, lookupTable}");
        }
        company = row(source, 0, node, "=");
      }
      default ->
          throw MapFileException.inFile(
              source, "scope '" + scope + "' is neither 'global' nor 'company'");
    }

    final List<String> key = new ArrayList<>();
    final JsonNode keyNode = root.get("key");
    if (keyNode == null || !keyNode.isArray() || keyNode.isEmpty()) {
      throw MapFileException.inFile(source, "'key' must list the F&O key fields");
    }
    keyNode.forEach(k -> key.add(k.asText()));

    final String policyId = optionalText(root, "conflictPolicy", "last-writer-wins");
    final ConflictPolicy policy =
        ConflictPolicy.ofId(policyId)
            .orElseThrow(
                () ->
                    MapFileException.inFile(
                        source,
                        "conflictPolicy '"
                            + policyId
                            + "' is not one of last-writer-wins, erp-wins, crm-wins"));
    final String masterId = optionalText(root, "initialSyncMaster", "erp");
    final Side master =
        switch (masterId) {
          case "erp" -> Side.ERP;
          case "crm" -> Side.CRM;
          default ->
              throw MapFileException.inFile(
                  source, "initialSyncMaster '" + masterId + "' is neither 'erp' nor 'crm'");
        };

    final JsonNode fields = root.get("fields");
    if (fields == null || !fields.isArray() || fields.isEmpty()) {
      throw MapFileException.inFile(source, "'fields' must list the map's rows");
    }
    final List<MapRow> rows = new ArrayList<>();
    int number = 0;
    for (final JsonNode node : fields) {
      number++;
      if (!node.isObject()) {
        throw MapFileException.inFile(source, "row " + number + ": expected a JSON object");
      }
      rows.add(row(source, number, node, null));
    }
    return new MapDefinition(
        source,
        template,
        version,
        optionalText(root, "description", ""),
        company,
        key,
        policy,
        master,
        rows);
  }

  private static MapRow row(
      final String source, final int number, final JsonNode node, final String fixedSymbol) {
    final String erp = node.path("erp").asText("");
    final String symbol = fixedSymbol != null ? fixedSymbol : node.path("map").asText("");
    final String crm = node.path("crm").asText("");
    final MapRow sketch =
        new MapRow(
            number,
            erp.isEmpty() ? "?" : erp,
            MapType.ofSymbol(symbol).orElse(MapType.BOTH),
            crm.isEmpty() ? "?" : crm,
            null,
            Map.of(),
            null);
    final String what = number == 0 ? "company scope" : "row " + number;
    final Set<String> allowed = fixedSymbol != null ? Set.of("erp", "crm", "lookupTable") : ROW;
    unknownProperties(node, allowed).ifPresentOrThrow(source, sketch);
    if (erp.isBlank()) {
      throw MapFileException.inFile(source, what + ": 'erp' (the F&O field) is missing");
    }
    if (crm.isBlank()) {
      throw MapFileException.inFile(source, what + ": 'crm' (the Dataverse column) is missing");
    }
    final MapType type =
        MapType.ofSymbol(symbol)
            .orElseThrow(
                () ->
                    MapFileException.inFile(
                        source,
                        what
                            + " ("
                            + erp
                            + " "
                            + symbol
                            + " "
                            + crm
                            + "): map type '"
                            + symbol
                            + "' is not one of =, ><, >, <, >>, <<"));
    final Map<String, JsonNode> valueMap = new LinkedHashMap<>();
    final JsonNode valueMapNode = node.get("valueMap");
    if (valueMapNode != null) {
      if (!valueMapNode.isObject()) {
        throw MapFileException.inRow(
            source, sketch, "'valueMap' must be an object of F&O symbol : Dataverse value");
      }
      final Iterator<Map.Entry<String, JsonNode>> entries = valueMapNode.fields();
      while (entries.hasNext()) {
        final Map.Entry<String, JsonNode> entry = entries.next();
        valueMap.put(entry.getKey(), entry.getValue());
      }
    }
    final JsonNode lookupTable = node.get("lookupTable");
    return new MapRow(
        number,
        erp,
        type,
        crm,
        lookupTable == null ? null : lookupTable.asText(),
        valueMap,
        node.get("default"));
  }

  private record Unknown(String name) {
    void ifPresentOrThrow(final String source, final MapRow row) {
      if (name == null) {
        return;
      }
      final String problem = "unknown property '" + name + "'";
      throw row == null
          ? MapFileException.inFile(source, problem)
          : MapFileException.inRow(source, row, problem);
    }
  }

  private static Unknown unknownProperties(final JsonNode node, final Set<String> allowed) {
    final Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      final String name = names.next();
      if (!allowed.contains(name)) {
        return new Unknown(name);
      }
    }
    return new Unknown(null);
  }

  private static String requiredText(final String source, final JsonNode root, final String name) {
    final JsonNode node = root.get(name);
    if (node == null || !node.isTextual() || node.asText().isBlank()) {
      throw MapFileException.inFile(source, "'" + name + "' is missing");
    }
    return node.asText();
  }

  private static String optionalText(
      final JsonNode root, final String name, final String fallback) {
    final JsonNode node = root.get(name);
    return node == null ? fallback : node.asText();
  }

  private static String location(final JsonProcessingException e) {
    return e.getLocation() == null
        ? ""
        : " (line "
            + e.getLocation().getLineNr()
            + ", column "
            + e.getLocation().getColumnNr()
            + ")";
  }
}
