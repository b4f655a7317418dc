package io.loyaltysync.mapping;

import io.loyaltysync.mapping.Converters.KeyNormalisation;
import org.apache.avro.Schema;

/**
 * A map row resolved against the schemas, with its converters for both directions.
 *
 * @param row the row as written
 * @param erp the F&amp;O field
 * @param crm the Dataverse column
 * @param toCrm converts the F&amp;O value to the Dataverse value
 * @param toErp converts the Dataverse value to the F&amp;O value
 * @param key how the value is normalised when it is part of the key
 */
record ResolvedRow(
    MapRow row,
    Schema.Field erp,
    Schema.Field crm,
    FieldConverter toCrm,
    FieldConverter toErp,
    KeyNormalisation key) {}
