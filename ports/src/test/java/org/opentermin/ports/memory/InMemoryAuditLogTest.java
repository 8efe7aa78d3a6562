package org.opentermin.ports.memory;

import org.opentermin.ports.contract.AuditLogContract;

class InMemoryAuditLogTest extends AuditLogContract {

  @Override
  protected Stores newStores() {
    InMemoryBookingStore bookings = new InMemoryBookingStore();
    return new Stores(new InMemoryCatalogStore(), bookings, bookings.auditLog());
  }
}
