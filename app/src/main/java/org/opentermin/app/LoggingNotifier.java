package org.opentermin.app;

import org.opentermin.ports.out.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Notifier} until the email adapter exists: logs that a message would go out, naming
 * only its kind, the office and the entry id, never the recipient, the service or any time.
 */
final class LoggingNotifier implements Notifier {

  private static final Logger LOG = LoggerFactory.getLogger(LoggingNotifier.class);

  @Override
  public void send(Notification notification) {
    LOG.info("Notification {} for office {} about entry {}", notification.kind(), notification.office(), notification.entryId());
  }
}
