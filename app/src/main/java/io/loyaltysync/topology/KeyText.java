package io.loyaltysync.topology;

import org.apache.avro.generic.IndexedRecord;

/**
 * The text form of a normalised key: the Kafka record key of every topic of a template and the
 * state store key. A card's or reward point's key is its number or id; a level's is {@code
 * company|levelPhrase} (a company id has no '|', so the first one splits it).
 */
public final class KeyText {

  public static final char SEPARATOR = '|';

  private KeyText() {}

  public static String of(final IndexedRecord key) {
    final int parts = key.getSchema().getFields().size();
    if (parts == 1) {
      return key.get(0).toString();
    }
    final StringBuilder text = new StringBuilder();
    for (int i = 0; i < parts; i++) {
      if (i > 0) {
        text.append(SEPARATOR);
      }
      text.append(key.get(i));
    }
    return text.toString();
  }
}
