package io.loyaltysync.bench;

import io.loyaltysync.mapping.Side;
import io.loyaltysync.mapping.Template;
import org.apache.avro.specific.SpecificRecord;

/**
 * One change event the benchmark publishes.
 *
 * @param template the template whose change feed carries it
 * @param side the side whose change feed carries it
 * @param key the record key: the row's normalised key text, as the job keys it
 * @param value the change event (e.g. {@code ErpLoyaltyCardChange})
 * @param timestampMillis its source timestamp, also the Kafka record's timestamp
 * @param kind why the generator made it
 */
record GeneratedEvent(
    Template template,
    Side side,
    String key,
    SpecificRecord value,
    long timestampMillis,
    Kind kind) {

  /** Why an event was made. */
  enum Kind {
    /** The first event of a row, on the side that created it. */
    CREATE,
    /** A user's edit of one field (or one group of fields a rule binds) of an existing row. */
    UPDATE,
    /** An edit of the same field on the other side, made before that side saw the first. */
    CONFLICT,
    /** A side's change feed reporting a write of this app back, with the origin marker. */
    ECHO,
    /** A row read by an initial sync. */
    SNAPSHOT
  }
}
