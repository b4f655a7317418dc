package io.loyaltysync.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest, or "development" when run from classes. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    final String version = Main.class.getPackage().getImplementationVersion();
    return new String[] {"loyalty-sync " + (version == null ? "development" : version)};
  }
}
