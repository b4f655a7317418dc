package io.loyaltysync.mapping;

import java.util.List;

/**
 * A map file as written: which template, which version, and its rows. {@link MapCompiler} checks it
 * against the Avro contracts and turns it into a {@link CompiledMap}.
 *
 * @param source where the map was read from, for messages
 * @param template the template it maps
 * @param version the map version, e.g. 1.1
 * @param description free text
 * @param company the company scope row for company-scoped tables, or null for global tables
 * @param key the F&amp;O fields that make the key, company first where scoped
 * @param conflictPolicy how concurrent edits of the same field are resolved
 * @param initialSyncMaster the side that wins an initial sync when both hold the row
 * @param rows the field rows, in file order
 */
public record MapDefinition(
    String source,
    Template template,
    String version,
    String description,
    MapRow company,
    List<String> key,
    ConflictPolicy conflictPolicy,
    Side initialSyncMaster,
    List<MapRow> rows) {

  public MapDefinition {
    key = List.copyOf(key);
    rows = List.copyOf(rows);
  }
}
