package io.loyaltysync.admin;

/**
 * The cluster could not be asked about or given the job's topics: unreachable, refused, timed out.
 * An infrastructure error, so it is thrown, never turned into a report.
 */
public final class TopicAdminException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  TopicAdminException(final String message, final Throwable cause) {
    super(message, cause);
  }
}
