package io.loyaltysync.json;

/** JSON that does not fit the Avro schema it is read as; the message names the path. */
public final class JsonFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  public JsonFormatException(final String message) {
    super(message, null, false, false);
  }
}
