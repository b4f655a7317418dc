package io.loyaltysync.mapping;

/** A map file that cannot be used: the message names the file, the row and the problem. */
public final class MapFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MapFileException(final String message) {
    super(message);
  }

  public MapFileException(final String message, final Throwable cause) {
    super(message, cause);
  }

  static MapFileException inFile(final String source, final String problem) {
    return new MapFileException("map file " + source + ": " + problem);
  }

  static MapFileException inRow(final String source, final MapRow row, final String problem) {
    final String where = row.number() == 0 ? "company scope" : "row " + row.number();
    return new MapFileException(
        "map file " + source + ": " + where + " (" + row.describe() + "): " + problem);
  }
}
