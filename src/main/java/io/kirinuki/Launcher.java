package io.kirinuki;

import java.lang.reflect.InvocationTargetException;

/**
 * Entry point of the jar: checks the Java version, then hands over to {@link Main}.
 *
 * <p>Compiled for Java 11 (see pom.xml) so that an older {@code java} prints one sentence instead of
 * an {@code UnsupportedClassVersionError}; it reaches {@code Main} by reflection for the same reason.
 */
public final class Launcher {
  static final int REQUIRED_JAVA = 25;

  private Launcher() {}

  public static void main(String[] args) throws Throwable {
    int running = Runtime.version().feature();
    if (running < REQUIRED_JAVA) {
      System.err.println(
          "kirinuki needs Java "
              + REQUIRED_JAVA
              + " or later, but this is Java "
              + running
              + " ("
              + System.getProperty("java.home")
              + "): run it with /usr/lib/jvm/temurin-25-jdk-amd64/bin/java -jar ...");
      System.exit(1);
    }
    try {
      Class.forName("io.kirinuki.Main").getMethod("main", String[].class).invoke(null, (Object) args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
