package io.loyaltysync.mapping;

import java.util.List;
import java.util.function.Supplier;
import org.apache.avro.generic.IndexedRecord;

/**
 * Maps one entity record in one direction with a compiled plan: field positions and converters
 * resolved at start-up, so a record costs one allocation and one converter call per mapped field,
 * with no name look-ups or reflection.
 */
public final class RecordMapper {

  private final Direction direction;
  private final Supplier<? extends IndexedRecord> targetFactory;
  private final int[] sourcePositions;
  private final int[] targetPositions;
  private final FieldConverter[] converters;
  private final int[] unwrittenPositions;
  private final Object[] unwrittenValues;
  private final long sourceMask;
  private final long targetMask;
  private final List<String> columns;
  private final ErpValidator validator;

  RecordMapper(
      final Direction direction,
      final Supplier<? extends IndexedRecord> targetFactory,
      final List<FieldStep> steps,
      final int[] unwrittenPositions,
      final Object[] unwrittenValues,
      final List<String> columns,
      final ErpValidator validator) {
    this.direction = direction;
    this.targetFactory = targetFactory;
    this.sourcePositions = steps.stream().mapToInt(FieldStep::sourcePosition).toArray();
    this.targetPositions = steps.stream().mapToInt(FieldStep::targetPosition).toArray();
    this.converters = steps.stream().map(FieldStep::converter).toArray(FieldConverter[]::new);
    this.unwrittenPositions = unwrittenPositions.clone();
    this.unwrittenValues = unwrittenValues.clone();
    long source = 0;
    long target = 0;
    for (final FieldStep step : steps) {
      source |= 1L << step.sourcePosition();
      target |= 1L << step.targetPosition();
    }
    this.sourceMask = source;
    this.targetMask = target;
    this.columns = List.copyOf(columns);
    this.validator = validator;
  }

  /** One compiled row: read a source field, convert, write a target field. */
  record FieldStep(int sourcePosition, int targetPosition, FieldConverter converter) {}

  public Direction direction() {
    return direction;
  }

  /** The target columns every mapped record of this plan writes, in schema order. */
  public List<String> columns() {
    return columns;
  }

  /**
   * Validates and maps {@code source}.
   *
   * @throws RecordRejectedException when a field breaks an F&amp;O rule or a value cannot be
   *     translated; the reason names the field and the rule
   */
  public MappedRecord map(final IndexedRecord source) throws RecordRejectedException {
    if (direction == Direction.ERP_TO_CRM) {
      // The source is a whole F&O row: every field is known.
      validator.validate(source, sourceMask, -1L);
    }
    final IndexedRecord target = targetFactory.get();
    for (int i = 0; i < converters.length; i++) {
      target.put(targetPositions[i], converters[i].convert(source.get(sourcePositions[i])));
    }
    for (int i = 0; i < unwrittenPositions.length; i++) {
      target.put(unwrittenPositions[i], unwrittenValues[i]);
    }
    if (direction == Direction.CRM_TO_ERP) {
      validator.validate(target, targetMask, targetMask);
    }
    return new MappedRecord(target, columns);
  }
}
