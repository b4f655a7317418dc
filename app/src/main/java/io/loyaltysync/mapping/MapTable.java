package io.loyaltysync.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders a map as a Markdown table in the shape of the published dual-write map reference. */
public final class MapTable {

  private MapTable() {}

  public static String render(final CompiledMap compiled) {
    final MapDefinition map = compiled.definition();
    final StringBuilder out = new StringBuilder();
    out.append("## ")
        .append(map.template().title())
        .append(" -> ")
        .append(map.template().crmEntitySet())
        .append(" (map version ")
        .append(map.version())
        .append(")\n\n");
    if (!map.description().isEmpty()) {
      out.append(map.description()).append("\n\n");
    }
    out.append("Source: ").append(map.source()).append(". ");
    out.append("Scope: ").append(map.company() == null ? "global" : "per company").append(". ");
    out.append("Key: ").append(key(map)).append(". ");
    out.append("Conflict policy: ").append(map.conflictPolicy().id()).append(". ");
    out.append("Initial-sync master: ")
        .append(map.initialSyncMaster().name().toLowerCase(java.util.Locale.ROOT))
        .append(".\n\n");

    final boolean fourColumns =
        map.rows().stream()
            .anyMatch(r -> !r.valueMap().isEmpty() || r.isLookup() || r.defaultValue() != null);
    out.append("| F&O field | map | Dataverse column |")
        .append(fourColumns ? " value map (F&O symbol : Dataverse value) |" : "")
        .append('\n');
    out.append("|---|---|---|").append(fourColumns ? "---|" : "").append('\n');
    for (final MapRow row : map.rows()) {
      out.append("| ")
          .append(row.erpField())
          .append(" | `")
          .append(row.type().symbol())
          .append("` | ")
          .append(row.crmColumn())
          .append(" |");
      if (fourColumns) {
        final String extra = extra(row);
        out.append(extra.isEmpty() ? " |" : " " + extra + " |");
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static String key(final MapDefinition map) {
    final List<String> erp = new ArrayList<>();
    final List<String> crm = new ArrayList<>();
    for (final String field : map.key()) {
      if (map.company() != null && map.company().erpField().equals(field)) {
        erp.add("company (" + field + ")");
        crm.add("company (" + map.company().crmColumn() + ")");
        continue;
      }
      erp.add(field);
      crm.add(
          map.rows().stream()
              .filter(r -> r.erpField().equals(field))
              .map(MapRow::crmColumn)
              .findFirst()
              .orElse("?"));
    }
    return String.join(" + ", erp) + " <-> " + String.join(" + ", crm);
  }

  private static String extra(final MapRow row) {
    final List<String> parts = new ArrayList<>();
    if (!row.valueMap().isEmpty()) {
      parts.add(
          row.valueMap().entrySet().stream().map(MapTable::pair).collect(Collectors.joining(", ")));
    }
    if (row.isLookup()) {
      parts.add("lookup to `" + row.lookupTable() + "` by " + row.lookupKeyColumn());
    }
    if (row.defaultValue() != null) {
      parts.add("default " + row.defaultValue());
    }
    return String.join("; ", parts);
  }

  private static String pair(final Map.Entry<String, JsonNode> entry) {
    return entry.getKey() + " : " + entry.getValue().asText();
  }
}
