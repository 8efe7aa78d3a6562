package org.opentermin.app;

import org.opentermin.ports.out.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notifier until the email adapter exists: it logs that a message went out, with its kind,
 * office and entry id only; never the recipient, the contact or the service (which may be
 * sensitive). The citizen sees an offer on their entry meanwhile.
 */
final class LoggingNotifier implements Notifier {

  private static final Logger LOG = LoggerFactory.getLogger(LoggingNotifier.class);

  @Override
  public void send(Notification notification) {
    LOG.info(
        "Notification {} at office {} for entry {}",
        notification.kind(),
        notification.office(),
        notification.entryId());
  }
}
