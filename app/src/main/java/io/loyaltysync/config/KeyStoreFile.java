package io.loyaltysync.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A key or trust store on disk: where it is, its type (PKCS12, JKS) and its password, if any. The
 * password is never printed: {@link #toString} only says whether there is one.
 */
public record KeyStoreFile(Path path, String type, Optional<String> password) {

  @Override
  public String toString() {
    return "KeyStoreFile[path="
        + path
        + ", type="
        + type
        + ", password="
        + (password.isPresent() ? "(hidden)" : "(none)")
        + "]";
  }
}
