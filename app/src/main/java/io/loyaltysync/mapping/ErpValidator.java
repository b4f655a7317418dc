package io.loyaltysync.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * The F&amp;O field rules (maps.md, "F&amp;O field types and limits"), compiled from the properties
 * of the F&amp;O entity schema: {@code notBlank}, {@code maxLength}, {@code minimum}, {@code
 * pattern}, {@code requiredWhen}, {@code emptyWhen}; and F&amp;O's own limits: no nulls, dates from
 * 1900-01-01 (the empty date) to 2154-12-31.
 *
 * <p>Both directions check the F&amp;O image: the source record going to Dataverse, the mapped
 * record coming from it, so a Dataverse value F&amp;O would refuse is caught before it is written.
 */
final class ErpValidator {

  static final LocalDate EMPTY_DATE = LocalDate.of(1900, 1, 1);
  static final LocalDate MAX_DATE = LocalDate.of(2154, 12, 31);

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One rule on one field: null when the value passes, else what is wrong. */
  @FunctionalInterface
  private interface Rule {
    String check(Object value, IndexedRecord record, long known);
  }

  private final String[] names;
  private final Rule[][] rules;

  ErpValidator(final Schema schema) {
    final List<Schema.Field> fields = schema.getFields();
    names = new String[fields.size()];
    rules = new Rule[fields.size()][];
    for (final Schema.Field field : fields) {
      names[field.pos()] = field.name();
      rules[field.pos()] = compile(schema, field).toArray(Rule[]::new);
    }
  }

  /**
   * Checks the fields whose positions are set in {@code mask}; throws with every violation. A
   * requiredWhen / emptyWhen rule is judged only when the field it depends on is set in {@code
   * known}: a field the mapping does not write holds a placeholder, not F&amp;O's value.
   */
  void validate(final IndexedRecord record, final long mask, final long known)
      throws RecordRejectedException {
    StringBuilder violations = null;
    for (int pos = 0; pos < rules.length; pos++) {
      if ((mask & (1L << pos)) == 0) {
        continue;
      }
      final Object value = record.get(pos);
      for (final Rule rule : rules[pos]) {
        final String problem = rule.check(value, record, known);
        if (problem != null) {
          violations = violations == null ? new StringBuilder() : violations.append("; ");
          violations.append(names[pos]).append(": ").append(problem);
          break;
        }
      }
    }
    if (violations != null) {
      throw RecordRejectedException.validation(violations.toString());
    }
  }

  private static List<Rule> compile(final Schema schema, final Schema.Field field) {
    final List<Rule> rules = new ArrayList<>();
    rules.add(
        (value, record, known) ->
            value == null ? "required: F&O has no empty (null) values" : null);
    final FieldKind kind = FieldKind.of(field.schema());
    if (kind == FieldKind.DATE) {
      rules.add(
          (value, record, known) -> {
            final LocalDate date = (LocalDate) value;
            return date.isBefore(EMPTY_DATE) || date.isAfter(MAX_DATE)
                ? "must be between " + EMPTY_DATE + " and " + MAX_DATE + " (was " + date + ")"
                : null;
          });
    }
    if (Boolean.TRUE.equals(field.getObjectProp("notBlank"))) {
      rules.add(
          (value, record, known) ->
              value.toString().isBlank() ? "required, must not be empty or blank" : null);
    }
    final Object maxLength = field.getObjectProp("maxLength");
    if (maxLength instanceof Number max) {
      final int limit = max.intValue();
      rules.add(
          (value, record, known) -> {
            final int length = value.toString().length();
            return length > limit ? "at most " + limit + " characters (was " + length + ")" : null;
          });
    }
    final Object minimum = field.getObjectProp("minimum");
    if (minimum instanceof Number min) {
      final long floor = min.longValue();
      rules.add(
          (value, record, known) ->
              ((Number) value).longValue() < floor
                  ? "must be >= " + floor + " (was " + value + ")"
                  : null);
    }
    final Object pattern = field.getObjectProp("pattern");
    if (pattern instanceof String regex) {
      final Pattern compiled = Pattern.compile(regex);
      rules.add(
          (value, record, known) -> {
            final String text = value.toString();
            return !text.isEmpty() && !compiled.matcher(text).matches()
                ? "must match " + regex + " (was '" + text + "')"
                : null;
          });
    }
    conditions(schema, field, "requiredWhen")
        .forEach(
            c ->
                rules.add(
                    (value, record, known) ->
                        c.holds(record, known) && value.toString().isEmpty()
                            ? "required when " + c.describe()
                            : null));
    conditions(schema, field, "emptyWhen")
        .forEach(
            c ->
                rules.add(
                    (value, record, known) ->
                        c.holds(record, known) && !value.toString().isEmpty()
                            ? "must be empty when " + c.describe() + " (was '" + value + "')"
                            : null));
    return rules;
  }

  /** "Field F holds enum symbol S", as written in a requiredWhen / emptyWhen property. */
  private record Condition(String field, int pos, String symbol) {
    boolean holds(final IndexedRecord record, final long known) {
      if ((known & (1L << pos)) == 0) {
        return false;
      }
      final Object other = record.get(pos);
      return other != null && other.toString().equals(symbol);
    }

    String describe() {
      return field + " is " + symbol;
    }
  }

  private static List<Condition> conditions(
      final Schema schema, final Schema.Field field, final String property) {
    final Object raw = field.getObjectProp(property);
    if (raw == null) {
      return List.of();
    }
    final JsonNode node = JSON.valueToTree(raw);
    final List<Condition> conditions = new ArrayList<>();
    final Iterator<Map.Entry<String, JsonNode>> entries = node.fields();
    while (entries.hasNext()) {
      final Map.Entry<String, JsonNode> entry = entries.next();
      final Schema.Field other = schema.getField(entry.getKey());
      if (other == null || FieldKind.of(other.schema()) != FieldKind.ENUM) {
        throw new IllegalStateException(
            schema.getName() + "." + field.name() + ": " + property + " names no enum field");
      }
      conditions.add(new Condition(other.name(), other.pos(), entry.getValue().asText()));
    }
    return conditions;
  }
}
