package io.loyaltysync.bench;

/**
 * The benchmark could not finish a phase: the job failed, stalled past its deadline, or the cluster
 * refused. The message says which phase, and how far it got.
 */
public final class BenchFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public BenchFailure(final String message) {
    super(message);
  }

  public BenchFailure(final String message, final Throwable cause) {
    super(message, cause);
  }
}
