package org.opentermin.ports.in;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.opentermin.core.audit.AuditEntry;
import org.opentermin.core.catalog.OfficeId;

/**
 * Office administrators read their office's audit log, page by page. Whether the caller may is for
 * the adapter that authenticated them to decide. The entries hold no personal data.
 */
public interface ReadAuditLog {

  /**
   * A page of the office's entries in the order they were recorded, or empty if the office is
   * unknown.
   */
  Optional<Page> auditEntries(Query query);

  /**
   * Which of an office's entries to read: those after position {@code after} (0 for the first page,
   * else a page's {@link Page#next()}), with {@code from <= at < to} where given, at most {@code
   * limit}.
   */
  record Query(
      OfficeId office, Optional<Instant> from, Optional<Instant> to, long after, int limit) {

    /** The most entries one page holds. */
    public static final int MAXIMUM_LIMIT = 500;

    public Query {
      checkNotNull(office, "office");
      checkNotNull(from, "from");
      checkNotNull(to, "to");
      checkArgument(
          from.isEmpty() || to.isEmpty() || from.get().isBefore(to.get()),
          "from must lie before to");
      checkArgument(after >= 0, "after must not be negative: %s", after);
      checkArgument(
          limit >= 1 && limit <= MAXIMUM_LIMIT,
          "limit must be 1 to %s, not %s",
          MAXIMUM_LIMIT,
          limit);
    }
  }

  /**
   * One page of entries, and the position to read on from while more entries matched than it holds.
   */
  record Page(ImmutableList<AuditEntry> entries, OptionalLong next) {
    public Page {
      entries = ImmutableList.copyOf(checkNotNull(entries, "entries"));
      checkNotNull(next, "next");
      checkArgument(
          next.isEmpty() || !entries.isEmpty(), "a page with a next position has entries");
    }
  }
}
