package io.loyaltysync.mapping;

import io.loyaltysync.avro.common.EntityReference;
import io.loyaltysync.mapping.Converters.KeyNormalisation;
import org.apache.avro.generic.IndexedRecord;

/** Reads the normalised key record off one side's entity record. */
final class KeyPlan {

  private final Template.RecordType keyType;
  private final String[] fieldNames;
  private final String[] keyNames;
  private final int[] positions;
  private final KeyNormalisation[] normalisations;

  KeyPlan(
      final Template.RecordType keyType,
      final String[] fieldNames,
      final int[] positions,
      final KeyNormalisation[] normalisations) {
    this.keyType = keyType;
    this.fieldNames = fieldNames.clone();
    this.keyNames =
        keyType.schema().getFields().stream().map(f -> "key." + f.name()).toArray(String[]::new);
    this.positions = positions.clone();
    this.normalisations = normalisations.clone();
  }

  /** The key of an entity record of this side. */
  IndexedRecord keyOf(final IndexedRecord entity) throws RecordRejectedException {
    final IndexedRecord key = keyType.newRecord();
    for (int i = 0; i < positions.length; i++) {
      final Object raw = entity.get(positions[i]);
      final Object value = raw instanceof EntityReference ref ? ref.getKeyValue() : raw;
      key.put(i, part(fieldNames[i], value, i));
    }
    return key;
  }

  /** A key given with an event, normalised the same way. */
  IndexedRecord normalise(final IndexedRecord declared) throws RecordRejectedException {
    final IndexedRecord key = keyType.newRecord();
    for (int i = 0; i < positions.length; i++) {
      key.put(i, part(keyNames[i], declared.get(i), i));
    }
    return key;
  }

  private String part(final String name, final Object value, final int index)
      throws RecordRejectedException {
    final String text = value == null ? "" : normalisations[index].apply(value.toString());
    if (text.isEmpty()) {
      throw RecordRejectedException.validation(name + ": required, part of the key");
    }
    return text;
  }
}
