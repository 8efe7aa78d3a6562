package org.opentermin.ports.memory;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.opentermin.core.audit.AuditEntry;
import org.opentermin.ports.out.AuditLog;

/**
 * {@link AuditLog} in memory: a list that only grows, positions counted from 1. An {@link
 * InMemoryBookingStore} records its changes here when it is given this log. One lock serializes
 * every method.
 */
public final class InMemoryAuditLog implements AuditLog {

  private final List<AuditEntry> entries = new ArrayList<>();

  @Override
  public synchronized void append(AuditEntry entry) {
    entries.add(checkNotNull(entry, "entry"));
  }

  @Override
  public synchronized Page read(Query query) {
    checkNotNull(query, "query");
    List<Logged> matching = new ArrayList<>();
    for (int index = (int) Math.min(query.after(), entries.size());
        index < entries.size();
        index++) {
      AuditEntry entry = entries.get(index);
      boolean inRange =
          entry.office().equals(query.office())
              && query.from().map(from -> !entry.at().isBefore(from)).orElse(true)
              && query.to().map(to -> entry.at().isBefore(to)).orElse(true);
      if (inRange) {
        matching.add(new Logged(index + 1L, entry));
        if (matching.size() > query.limit()) {
          break;
        }
      }
    }
    if (matching.size() > query.limit()) {
      List<Logged> page = matching.subList(0, query.limit());
      return new Page(
          ImmutableList.copyOf(page), OptionalLong.of(page.get(page.size() - 1).position()));
    }
    return new Page(ImmutableList.copyOf(matching), OptionalLong.empty());
  }
}
