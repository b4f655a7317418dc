package io.loyaltysync.mapping;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A map file checked against the Avro contracts and compiled into per-direction plans. */
public final class CompiledMap {

  private final MapDefinition definition;
  private final Map<Direction, ChangeMapper> changes;
  private final List<FieldBinding> bindings;

  CompiledMap(
      final MapDefinition definition,
      final Map<Direction, ChangeMapper> changes,
      final List<FieldBinding> bindings) {
    this.definition = definition;
    this.changes = new EnumMap<>(changes);
    this.bindings = List.copyOf(bindings);
  }

  /** Every mapped field, the company scope first where there is one, then the rows in order. */
  public List<FieldBinding> bindings() {
    return bindings;
  }

  public MapDefinition definition() {
    return definition;
  }

  public Template template() {
    return definition.template();
  }

  public String version() {
    return definition.version();
  }

  /** The change-event mapper for one direction. */
  public ChangeMapper changes(final Direction direction) {
    return changes.get(direction);
  }

  /** The entity-record mapper for one direction. */
  public RecordMapper records(final Direction direction) {
    return changes.get(direction).recordMapper();
  }
}
