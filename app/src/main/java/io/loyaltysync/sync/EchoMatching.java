package io.loyaltysync.sync;

import java.util.Arrays;
import java.util.Optional;

/**
 * How the sync tells the echo of its own write from a user's change.
 *
 * <p>Change events carry after-images only, so without the origin marker an echo can be told from a
 * user's change only by its content, and two mistakes cannot be ruled out: a user's change
 * identical to a write on its way is taken for that write's echo, and an unmarked echo that arrives
 * after a later write's echo is taken for a user's edit. When every writer stamps the marker,
 * {@link #MARKER_ONLY} rules both out.
 */
public enum EchoMatching {
  /**
   * An event is an echo if it carries the origin marker or matches a pending write exactly on the
   * columns written to its side (any delete matches a pending delete). Works with writers that
   * cannot stamp the marker.
   */
  MARKER_OR_MATCH("marker-or-match"),
  /**
   * Only an event carrying the origin marker is an echo; every other event is a user's change, even
   * one identical to a pending write. Requires every writer to stamp the marker.
   */
  MARKER_ONLY("marker-only");

  private final String id;

  EchoMatching(final String id) {
    this.id = id;
  }

  /** The name used in config. */
  public String id() {
    return id;
  }

  public static Optional<EchoMatching> ofId(final String id) {
    return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
  }
}
