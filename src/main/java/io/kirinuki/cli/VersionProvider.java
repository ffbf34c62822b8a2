package io.kirinuki.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version Maven wrote into the jar manifest ("dev" when run from classes). */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = VersionProvider.class.getPackage().getImplementationVersion();
    return new String[] {
      "kirinuki " + (version == null ? "dev" : version),
      "Java " + Runtime.version() + ", Lucene " + org.apache.lucene.util.Version.LATEST
    };
  }
}
