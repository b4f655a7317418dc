package io.loyaltysync.mapping;

import io.loyaltysync.avro.error.ErrorCategory;

/**
 * A record that breaks a rule or cannot be translated: bad data, destined for the dead letter. It
 * carries no stack trace because it is an expected outcome, not a bug.
 */
public final class RecordRejectedException extends Exception {
  private static final long serialVersionUID = 1L;

  private final ErrorCategory category;

  public RecordRejectedException(final ErrorCategory category, final String reason) {
    super(reason, null, false, false);
    this.category = category;
  }

  public static RecordRejectedException validation(final String reason) {
    return new RecordRejectedException(ErrorCategory.VALIDATION, reason);
  }

  public static RecordRejectedException mapping(final String reason) {
    return new RecordRejectedException(ErrorCategory.MAPPING, reason);
  }

  public ErrorCategory category() {
    return category;
  }

  /** The reason, naming the field and the rule. */
  public String reason() {
    return getMessage();
  }
}
