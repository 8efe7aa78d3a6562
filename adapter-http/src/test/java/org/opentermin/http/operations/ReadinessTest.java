package org.opentermin.http.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentermin.http.HttpApi;
import org.opentermin.http.common.UseCases;
import org.opentermin.ports.access.AccessTokens;
import org.opentermin.ports.audit.AuditService;
import org.opentermin.ports.booking.BookingService;
import org.opentermin.ports.catalog.CatalogService;
import org.opentermin.ports.fairness.LotteryService;
import org.opentermin.ports.fairness.WaitingListService;
import org.opentermin.ports.memory.InMemoryAccessTokenStore;
import org.opentermin.ports.memory.InMemoryBookingStore;
import org.opentermin.ports.memory.InMemoryCatalogStore;
import org.opentermin.ports.memory.InMemoryLotteryStore;
import org.opentermin.ports.memory.InMemoryRoutingStore;
import org.opentermin.ports.memory.InMemoryWaitingListStore;
import org.opentermin.ports.out.RandomSource;
import org.opentermin.ports.privacy.PrivacyService;
import org.opentermin.ports.routing.ResponsibilityService;

class ReadinessTest {

  private final AtomicBoolean databaseReachable = new AtomicBoolean(true);
  private HttpApi api;

  @BeforeEach
  void start() {
    Clock clock = Clock.fixed(Instant.parse("2026-11-30T06:00:00Z"), ZoneOffset.UTC);
    InMemoryCatalogStore catalogStore = new InMemoryCatalogStore();
    InMemoryBookingStore bookingStore = new InMemoryBookingStore();
    CatalogService catalog = new CatalogService(catalogStore, bookingStore.auditLog(), clock);
    BookingService bookings = new BookingService(catalogStore, bookingStore, bookingStore.auditLog(), clock, RandomSource.seeded(1));
    PrivacyService privacy = new PrivacyService(catalogStore, bookingStore, bookingStore.auditLog(), clock);
    AccessTokens tokens = new AccessTokens(new InMemoryAccessTokenStore(), clock, RandomSource.seeded(2));
    ResponsibilityService routing = new ResponsibilityService(catalogStore, new InMemoryRoutingStore(catalogStore), bookingStore.auditLog(), clock);
    api = HttpApi.create(new UseCases(
        catalog, catalog, bookings, bookings, bookings, bookings, bookings, bookings,
        new WaitingListService(catalogStore, new InMemoryWaitingListStore(bookingStore), bookingStore.auditLog(), clock, RandomSource.seeded(3)),
        tokens, databaseReachable::get, clock,
        new LotteryService(catalogStore, new InMemoryLotteryStore(), clock, RandomSource.seeded(3)),
        routing, routing, new AuditService(catalogStore, bookingStore.auditLog()),
        privacy, privacy)).start(0);
  }

  @AfterEach
  void stop() {
    api.stop();
  }

  @Test
  void readyOnlyWhileTheDatabaseIsReachableButAliveRegardless() throws Exception {
    assertThat(get("/ready").statusCode()).isEqualTo(200);

    databaseReachable.set(false);
    HttpResponse<String> notReady = get("/ready");

    assertThat(notReady.statusCode()).isEqualTo(503);
    assertThat(notReady.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(notReady.body()).contains("/problems/not-ready");
    assertThat(get("/health").statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
