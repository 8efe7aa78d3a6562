package org.opentermin.app;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Starts OpenTermin with the configuration from the environment (and {@code
 * opentermin.properties}), and shuts it down cleanly on SIGTERM or Ctrl-C.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    // Hibernate Validator logs through JBoss Logging; send it to SLF4J like everything else.
    System.setProperty("org.jboss.logging.provider", "slf4j");
    AppConfig config = AppConfig.load(System.getenv(), Path.of("").toAbsolutePath());
    // The one place that reads the system clock; everything below receives it.
    OpenTermin app = OpenTermin.start(config, Clock.systemUTC(), System.out);
    Runtime.getRuntime().addShutdownHook(new Thread(app::close, "opentermin-shutdown"));
  }
}
