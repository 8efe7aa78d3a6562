package org.opentermin.ports.audit;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.opentermin.ports.in.ReadAuditLog;
import org.opentermin.ports.in.ReadAuditLog.Page;
import org.opentermin.ports.in.ReadAuditLog.Query;
import org.opentermin.ports.out.AuditLog;
import org.opentermin.ports.out.CatalogStore;

/**
 * Reads an office's audit log. Reading it is not itself recorded: the entries hold no personal
 * data. Thread-safe.
 */
public final class AuditService implements ReadAuditLog {

  private final CatalogStore catalog;
  private final AuditLog audit;

  public AuditService(CatalogStore catalog, AuditLog audit) {
    this.catalog = checkNotNull(catalog, "catalog");
    this.audit = checkNotNull(audit, "audit");
  }

  @Override
  public Optional<Page> auditEntries(Query query) {
    checkNotNull(query, "query");
    return catalog
        .office(query.office())
        .map(
            office -> {
              AuditLog.Page page =
                  audit.read(
                      new AuditLog.Query(
                          query.office(), query.from(), query.to(), query.after(), query.limit()));
              return new Page(
                  page.entries().stream()
                      .map(AuditLog.Logged::entry)
                      .collect(ImmutableList.toImmutableList()),
                  page.next());
            });
  }
}
