package org.opentermin.ports.out;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.opentermin.core.audit.AuditEntry;
import org.opentermin.core.catalog.OfficeId;

/**
 * The audit log: every staff read of personal data and every change, append-only. Nothing in it is
 * ever changed or removed through this port, and implementations make that hold for anyone else
 * they can (the PostgreSQL adapter refuses UPDATE, DELETE and TRUNCATE on its table).
 *
 * <p>Changes of bookings are not appended here by the use cases: the {@link BookingStore} of the
 * same adapter records each change's entry ({@link AuditEntry#ofChange}) in the same step as the
 * change itself, so that neither exists without the other. Use cases append reads before they hand
 * out what was read, and configuration changes before they save them.
 *
 * <p>Implementations are thread-safe; each method is atomic.
 */
public interface AuditLog {

  /** Appends the entry after every entry appended before. */
  void append(AuditEntry entry);

  /**
   * The office's entries after the position {@code query.after()}, whose instant lies in the
   * query's time range, in the order they were appended, at most {@code query.limit()} of them.
   */
  Page read(Query query);

  /**
   * Which of an office's entries to read: those after position {@code after} (0 for the first
   * page), with {@code from <= at < to} where given, at most {@code limit}.
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

    /** The first page of all the office's entries, {@code limit} at most. */
    public static Query firstPage(OfficeId office, int limit) {
      return new Query(office, Optional.empty(), Optional.empty(), 0, limit);
    }

    /** The same query for the page after {@code position}. */
    public Query after(long position) {
      return new Query(office, from, to, position, limit);
    }
  }

  /**
   * An entry with its position in the log: positions grow with every append and are never reused.
   */
  record Logged(long position, AuditEntry entry) {
    public Logged {
      checkArgument(position > 0, "positions start at 1");
      checkNotNull(entry, "entry");
    }
  }

  /**
   * One page of entries, and the position to read on from ({@link Query#after}) when more entries
   * matched than the page holds; empty on the last page.
   */
  record Page(ImmutableList<Logged> entries, OptionalLong next) {
    public Page {
      entries = ImmutableList.copyOf(checkNotNull(entries, "entries"));
      checkNotNull(next, "next");
      checkArgument(
          next.isEmpty() || !entries.isEmpty(), "a page with a next position has entries");
    }
  }
}
