package io.loyaltysync.topology;

import io.loyaltysync.avro.common.Operation;
import io.loyaltysync.avro.reference.TransactionCurrency;
import io.loyaltysync.avro.reference.TransactionCurrencyChange;
import io.loyaltysync.serde.UndecodableRecordException;
import java.util.Locale;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the global store of Dataverse currencies, by ISO code, from the currency change feed. A
 * global store's processor cannot forward, so an undecodable currency row is logged (coordinates
 * only) and skipped: it is reference data, and the reward points that need it wait in the park
 * until a good row arrives or they time out to the dead letter.
 */
final class CurrencyReferenceProcessor implements Processor<byte[], byte[], Void, Void> {

  private static final Logger LOG = LoggerFactory.getLogger(CurrencyReferenceProcessor.class);

  private final String storeName;
  private final Deserializer<?> decoder;
  private ProcessorContext<Void, Void> context;
  private KeyValueStore<String, TransactionCurrency> store;

  CurrencyReferenceProcessor(final String storeName, final Deserializer<?> decoder) {
    this.storeName = storeName;
    this.decoder = decoder;
  }

  @Override
  public void init(final ProcessorContext<Void, Void> context) {
    this.context = context;
    this.store = context.getStateStore(storeName);
  }

  @Override
  public void process(final Record<byte[], byte[]> record) {
    if (record.value() == null) {
      return;
    }
    final TransactionCurrencyChange change;
    try {
      change = (TransactionCurrencyChange) decoder.deserialize(topic(), record.value());
    } catch (final UndecodableRecordException e) {
      LOG.warn("Skipping an undecodable currency row at {}: {}", where(), e.getMessage());
      return;
    }
    final String code =
        change.getAfter() != null ? change.getAfter().getIsocurrencycode() : change.getKey();
    if (code == null || code.isBlank()) {
      LOG.warn("Skipping a currency row without an ISO code at {}", where());
      return;
    }
    final String key = code.strip().toUpperCase(Locale.ROOT);
    if (change.getOp() == Operation.DELETE) {
      store.delete(key);
    } else {
      store.put(key, change.getAfter());
    }
  }

  private String topic() {
    return context.recordMetadata().map(m -> m.topic()).orElse("?");
  }

  private String where() {
    return context
        .recordMetadata()
        .map(m -> m.topic() + "-" + m.partition() + "@" + m.offset())
        .orElse("?");
  }
}
