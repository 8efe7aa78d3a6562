package org.opentermin.benchmarks;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.opentermin.core.availability.Availability;
import org.opentermin.core.availability.Occupancy;
import org.opentermin.core.availability.Slot;
import org.opentermin.core.availability.SlotFinder;
import org.opentermin.core.time.DateRange;

/**
 * Slot generation on the workload: one office, 40 caseworkers, 25 services, 10-minute grid,
 * 60-day horizon, 8,000 bookings, a two-service request. Sample-time mode reports the median
 * (p0.50) per query. The scaling parameters vary caseworkers and days with the booking density held
 * constant.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SlotGenerationBenchmark {

  @Param({"40"})
  public int resources;

  @Param({"60"})
  public int days;

  private SyntheticOffice office;
  private SlotFinder finder;
  private Occupancy occupancy;
  private DateRange horizon;
  private YearMonth month;

  @Setup
  public void setUp() {
    office = SyntheticOffice.build(resources, days, 2026);
    finder = SlotFinder.of(office.schedule());
    occupancy = Occupancy.of(office.bookings());
    LocalDate first = office.firstDay();
    horizon = new DateRange(first, first.plusDays(days));
    month = YearMonth.from(first);
  }

  /** All free starts over the whole horizon, given an indexed occupancy. */
  @Benchmark
  public Availability allFreeStarts() {
    return finder.findSlots(office.twoServiceRequest(), horizon, occupancy, office.now());
  }

  /** The same, indexing the bookings first, as a request that loads them fresh would. */
  @Benchmark
  public Availability allFreeStartsIncludingIndexing() {
    return finder.findSlots(
        office.twoServiceRequest(), horizon, Occupancy.of(office.bookings()), office.now());
  }

  /** The first free start from now. */
  @Benchmark
  public Optional<Slot> firstFreeStart() {
    return finder.firstFreeSlot(office.twoServiceRequest(), office.now(), occupancy, office.now());
  }

  /** The days of the first month that have a free start (calendar view). */
  @Benchmark
  public void monthCalendar(Blackhole blackhole) {
    blackhole.consume(
        finder.daysWithFreeSlots(office.twoServiceRequest(), month, occupancy, office.now()));
  }

  /** Compiling the office schedule, done once per change of working time. */
  @Benchmark
  public SlotFinder compileSchedule() {
    return SlotFinder.of(office.schedule());
  }
}
