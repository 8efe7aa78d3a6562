package org.opentermin.ports.memory;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import org.opentermin.ports.out.Notifier;

/**
 * A {@link Notifier} that keeps what it was asked to send, for tests and simulations. Thread-safe.
 */
public final class RecordingNotifier implements Notifier {

  private final List<Notification> sent = new ArrayList<>();

  @Override
  public synchronized void send(Notification notification) {
    sent.add(notification);
  }

  /** Everything sent so far, oldest first. */
  public synchronized ImmutableList<Notification> sent() {
    return ImmutableList.copyOf(sent);
  }
}
