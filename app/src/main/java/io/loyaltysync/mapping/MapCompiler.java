package io.loyaltysync.mapping;

import io.loyaltysync.mapping.Converters.KeyNormalisation;
import io.loyaltysync.mapping.RecordMapper.FieldStep;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;

/**
 * Checks a {@link MapDefinition} against the template's Avro schemas and compiles it. Every problem
 * is reported as one message naming the map file, the row and what is wrong, so a bad map refuses
 * to start instead of mis-mapping records.
 */
public final class MapCompiler {

  private final MapDefinition map;
  private final Schema erpSchema;
  private final Schema crmSchema;

  private MapCompiler(final MapDefinition map) {
    this.map = map;
    this.erpSchema = map.template().entity(Side.ERP).schema();
    this.crmSchema = map.template().entity(Side.CRM).schema();
  }

  /** Checks and compiles {@code map}; throws {@link MapFileException} on the first problem. */
  public static CompiledMap compile(final MapDefinition map) {
    return new MapCompiler(map).compile();
  }

  private CompiledMap compile() {
    if (erpSchema.getFields().size() > 64 || crmSchema.getFields().size() > 64) {
      throw MapFileException.inFile(
          map.source(), "entities of more than 64 fields are not supported");
    }
    final boolean scoped = map.template().key().schema().getField("company") != null;
    if (scoped != (map.company() != null)) {
      throw MapFileException.inFile(
          map.source(),
          "template "
              + map.template().id()
              + (scoped
                  ? " is per company: scope must be 'company'"
                  : " is global: scope must be 'global'"));
    }
    final List<ResolvedRow> resolved = new ArrayList<>();
    final RowResolver rows = new RowResolver(map);
    if (map.company() != null) {
      resolved.add(rows.resolve(map.company(), KeyNormalisation.TRIM_LOWER_CASE));
    }
    for (final MapRow row : map.rows()) {
      final KeyNormalisation key =
          map.key().contains(row.erpField()) ? KeyNormalisation.TRIM : KeyNormalisation.NONE;
      resolved.add(rows.resolve(row, key));
    }
    final KeyPlan[] keyPlans = keyPlans(resolved);
    final ErpValidator validator = new ErpValidator(erpSchema);
    final Map<Direction, ChangeMapper> changes = new EnumMap<>(Direction.class);
    for (final Direction direction : Direction.values()) {
      final RecordMapper mapper = recordMapper(direction, resolved, validator);
      changes.put(
          direction,
          new ChangeMapper(
              direction,
              map.template().changeEvent(direction.source()),
              mapper,
              keyPlans[direction.source().ordinal()]));
    }
    final List<FieldBinding> bindings =
        resolved.stream()
            .map(
                r ->
                    new FieldBinding(
                        r.row(), r.erp().pos(), r.crm().pos(), map.key().contains(r.erp().name())))
            .toList();
    return new CompiledMap(map, changes, bindings);
  }

  // ---- keys and plans ---------------------------------------------------------------------

  private KeyPlan[] keyPlans(final List<ResolvedRow> resolved) {
    final Template.RecordType keyType = map.template().key();
    final int parts = keyType.schema().getFields().size();
    if (map.key().size() != parts) {
      throw MapFileException.inFile(
          map.source(),
          "'key' lists "
              + map.key().size()
              + " field(s) but "
              + keyType.schema().getName()
              + " has "
              + parts
              + " "
              + keyType.schema().getFields().stream().map(Schema.Field::name).toList());
    }
    final KeyPlan[] plans = new KeyPlan[Side.values().length];
    for (final Side side : Side.values()) {
      final String[] names = new String[parts];
      final int[] positions = new int[parts];
      final KeyNormalisation[] normalisations = new KeyNormalisation[parts];
      for (int i = 0; i < parts; i++) {
        final String erpField = map.key().get(i);
        final ResolvedRow row =
            resolved.stream()
                .filter(r -> r.erp().name().equals(erpField))
                .findFirst()
                .orElseThrow(
                    () ->
                        MapFileException.inFile(
                            map.source(), "key field " + erpField + " is not mapped by any row"));
        if (row.row().type() != MapType.BOTH) {
          throw MapFileException.inRow(
              map.source(),
              row.row(),
              "key field " + erpField + " must be mapped both ways with '='");
        }
        final Schema.Field field = side == Side.ERP ? row.erp() : row.crm();
        names[i] = field.name();
        positions[i] = field.pos();
        normalisations[i] = row.key();
      }
      plans[side.ordinal()] = new KeyPlan(keyType, names, positions, normalisations);
    }
    if (map.company() != null && !map.key().contains(map.company().erpField())) {
      throw MapFileException.inFile(
          map.source(), "'key' must include the company field " + map.company().erpField());
    }
    // Key parts fill the key record by position, so a company listed second would be keyed as
    // the phrase and the phrase as the company.
    if (map.company() != null && !map.key().get(0).equals(map.company().erpField())) {
      throw MapFileException.inFile(
          map.source(),
          "'key' must list the company field "
              + map.company().erpField()
              + " first, in the order of "
              + keyType.schema().getName()
              + " "
              + keyType.schema().getFields().stream().map(Schema.Field::name).toList());
    }
    return plans;
  }

  private RecordMapper recordMapper(
      final Direction direction, final List<ResolvedRow> resolved, final ErpValidator validator) {
    final Side target = direction.target();
    final Schema targetSchema = target == Side.ERP ? erpSchema : crmSchema;
    final List<FieldStep> steps = new ArrayList<>();
    final boolean[] written = new boolean[targetSchema.getFields().size()];
    for (final ResolvedRow row : resolved) {
      if (!row.row().type().flows(direction)) {
        continue;
      }
      final Schema.Field from = direction == Direction.ERP_TO_CRM ? row.erp() : row.crm();
      final Schema.Field to = direction == Direction.ERP_TO_CRM ? row.crm() : row.erp();
      steps.add(
          new FieldStep(
              from.pos(), to.pos(), direction == Direction.ERP_TO_CRM ? row.toCrm() : row.toErp()));
      written[to.pos()] = true;
    }
    final List<String> columns = new ArrayList<>();
    final List<Integer> unwritten = new ArrayList<>();
    final List<Object> placeholders = new ArrayList<>();
    for (final Schema.Field field : targetSchema.getFields()) {
      if (written[field.pos()]) {
        columns.add(field.name());
      } else {
        unwritten.add(field.pos());
        placeholders.add(target == Side.ERP ? erpPlaceholder(field) : null);
      }
    }
    return new RecordMapper(
        direction,
        map.template().entity(target).factory(),
        steps,
        unwritten.stream().mapToInt(Integer::intValue).toArray(),
        placeholders.toArray(),
        columns,
        validator);
  }

  /**
   * What an F&amp;O field this direction does not write holds, so the record stays encodable; it is
   * not among the written columns, so no writer applies it.
   */
  private static Object erpPlaceholder(final Schema.Field field) {
    final FieldKind kind = FieldKind.of(field.schema());
    if (kind == FieldKind.ENUM) {
      final Schema enumSchema = FieldKind.nonNull(field.schema());
      final String symbol =
          enumSchema.getEnumDefault() != null
              ? enumSchema.getEnumDefault()
              : enumSchema.getEnumSymbols().get(0);
      return SpecificData.get().createEnum(symbol, enumSchema);
    }
    return Converters.erpEmptyValue(kind);
  }
}
