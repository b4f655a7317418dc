package io.loyaltysync.serde;

import java.net.ConnectException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;

/** Registry doubles for the serde tests. */
final class Registries {

  private Registries() {}

  /** A registry whose every call fails as if its server were down. */
  static SchemaRegistryClient unreachable() {
    return new SchemaRegistryClient() {
      @Override
      public int register(final String subject, final Schema schema) {
        throw down();
      }

      @Override
      public int lookup(final String subject, final Schema schema) {
        throw down();
      }

      @Override
      public Schema schemaById(final int id) {
        throw down();
      }

      @Override
      public boolean compatible(final String subject, final Schema schema) {
        throw down();
      }

      private SchemaRegistryUnavailableException down() {
        return new SchemaRegistryUnavailableException(
            "schema registry at http://registry:8081 is unreachable",
            new ConnectException("Connection refused"));
      }
    };
  }

  /** An in-memory registry that counts the calls made to it. */
  static final class Counting implements SchemaRegistryClient {
    private final SchemaRegistryClient delegate = new InMemorySchemaRegistry();
    final AtomicInteger registers = new AtomicInteger();
    final AtomicInteger lookups = new AtomicInteger();
    final AtomicInteger schemaByIds = new AtomicInteger();

    @Override
    public int register(final String subject, final Schema schema) {
      registers.incrementAndGet();
      return delegate.register(subject, schema);
    }

    @Override
    public int lookup(final String subject, final Schema schema) {
      lookups.incrementAndGet();
      return delegate.lookup(subject, schema);
    }

    @Override
    public Schema schemaById(final int id) {
      schemaByIds.incrementAndGet();
      return delegate.schemaById(id);
    }

    @Override
    public boolean compatible(final String subject, final Schema schema) {
      return delegate.compatible(subject, schema);
    }
  }

  /** A registry that gives {@code schema} the id {@code id} under every subject. */
  static SchemaRegistryClient withFixedId(final int id, final Schema schema) {
    return new SchemaRegistryClient() {
      @Override
      public int register(final String subject, final Schema given) {
        return id;
      }

      @Override
      public int lookup(final String subject, final Schema given) {
        return id;
      }

      @Override
      public Schema schemaById(final int asked) {
        if (asked != id) {
          throw new UnknownSchemaException("schema id " + asked + " is not in the registry");
        }
        return schema;
      }

      @Override
      public boolean compatible(final String subject, final Schema given) {
        return true;
      }
    };
  }
}
