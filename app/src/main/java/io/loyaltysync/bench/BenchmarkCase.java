package io.loyaltysync.bench;

import io.loyaltysync.mapping.Direction;
import io.loyaltysync.mapping.MappedRecord;
import io.loyaltysync.mapping.RecordMapper;
import io.loyaltysync.mapping.RecordRejectedException;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.mapping.Template;
import java.util.Locale;
import java.util.Objects;
import org.apache.avro.generic.IndexedRecord;

/**
 * One measured operation over a pool of pre-built inputs. A pass runs the operation once per pool
 * entry, so the loop is inside the case and the timer is read once per pass, not per record.
 *
 * <p>Results are kept from dead-code elimination twice over: every result object is stored in a
 * small ring (a heap store the JIT cannot drop, so the record must really be built, as it would be
 * when handed downstream), and a cheap value of each result is folded into the returned checksum;
 * the ring's contents are hashed once at the end ({@link #retainedChecksum()}).
 */
abstract class BenchmarkCase {

  /** What is measured. */
  enum Kind {
    MAP("map", "RecordMapper.map on an in-memory source record"),
    ENCODE("encode", "Avro binary encode of an entity record"),
    DECODE("decode", "Avro binary decode of an entity record"),
    PIPELINE("decode+map+encode", "decode source bytes, map, encode the target record");

    final String label;
    final String description;

    Kind(final String label, final String description) {
      this.label = label;
      this.description = description;
    }
  }

  private static final int SINK_MASK = 255;

  private final Kind kind;
  private final Template template;
  private final Direction direction;
  private final Side side;
  private final int poolSize;
  private final double bytesPerRecord;
  final Object[] sink = new Object[SINK_MASK + 1];

  private BenchmarkCase(
      final Kind kind,
      final Template template,
      final Direction direction,
      final Side side,
      final int poolSize,
      final double bytesPerRecord) {
    this.kind = kind;
    this.template = template;
    this.direction = direction;
    this.side = side;
    this.poolSize = poolSize;
    this.bytesPerRecord = bytesPerRecord;
  }

  Kind kind() {
    return kind;
  }

  Template template() {
    return template;
  }

  /** The mapping direction; null for an encode or decode case. */
  Direction direction() {
    return direction;
  }

  /** The side whose entity record is read: the source side of a mapping. */
  Side side() {
    return side;
  }

  /** Records processed by one {@link #pass()}. */
  int poolSize() {
    return poolSize;
  }

  /** Average encoded size of the entity records of an encode or decode case; 0 for the others. */
  double bytesPerRecord() {
    return bytesPerRecord;
  }

  /** Runs the operation once per pool entry; returns a value folded from the results. */
  abstract long pass();

  /** A hash of the results still held, computed once after the run, so it is never measured. */
  final long retainedChecksum() {
    long hash = 0;
    for (final Object result : sink) {
      hash = 31 * hash + Objects.hashCode(result);
    }
    return hash;
  }

  @Override
  public String toString() {
    return kind.label
        + " "
        + template.id()
        + " "
        + (direction == null ? side.name().toLowerCase(Locale.ROOT) : direction.label());
  }

  static BenchmarkCase map(
      final Template template,
      final Direction direction,
      final RecordMapper mapper,
      final IndexedRecord[] sources) {
    return new BenchmarkCase(Kind.MAP, template, direction, direction.source(), sources.length, 0) {
      @Override
      long pass() {
        long folded = 0;
        for (int i = 0; i < sources.length; i++) {
          final MappedRecord mapped = mapOrFail(mapper, sources[i]);
          sink[i & SINK_MASK] = mapped;
          folded += mapped.columns().size();
        }
        return folded;
      }
    };
  }

  static BenchmarkCase encode(
      final Template template,
      final Side side,
      final AvroCodec codec,
      final IndexedRecord[] records,
      final double bytesPerRecord) {
    return new BenchmarkCase(Kind.ENCODE, template, null, side, records.length, bytesPerRecord) {
      @Override
      long pass() {
        long folded = 0;
        for (final IndexedRecord record : records) {
          folded += codec.encode(record);
        }
        return folded;
      }
    };
  }

  static BenchmarkCase decode(
      final Template template,
      final Side side,
      final AvroCodec codec,
      final byte[][] encoded,
      final double bytesPerRecord) {
    return new BenchmarkCase(Kind.DECODE, template, null, side, encoded.length, bytesPerRecord) {
      @Override
      long pass() {
        long folded = 0;
        for (int i = 0; i < encoded.length; i++) {
          final IndexedRecord record = codec.decode(encoded[i]);
          sink[i & SINK_MASK] = record;
          folded += record == null ? 0 : 1;
        }
        return folded;
      }
    };
  }

  static BenchmarkCase pipeline(
      final Template template,
      final Direction direction,
      final AvroCodec sourceCodec,
      final RecordMapper mapper,
      final AvroCodec targetCodec,
      final byte[][] encodedSources) {
    return new BenchmarkCase(
        Kind.PIPELINE, template, direction, direction.source(), encodedSources.length, 0) {
      @Override
      long pass() {
        long folded = 0;
        for (final byte[] bytes : encodedSources) {
          final IndexedRecord source = sourceCodec.decode(bytes);
          folded += targetCodec.encode(mapOrFail(mapper, source).record());
        }
        return folded;
      }
    };
  }

  /** The pools hold valid records only, so a rejection is a bug in the benchmark's data. */
  static MappedRecord mapOrFail(final RecordMapper mapper, final IndexedRecord source) {
    try {
      return mapper.map(source);
    } catch (final RecordRejectedException e) {
      throw new IllegalStateException(
          "benchmark record rejected (" + mapper.direction().label() + "): " + e.reason(), e);
    }
  }
}
