/**
 * JMH benchmarks and the synthetic workloads they run on; outside the unit-test run, with their
 * numbers in {@code docs/PERFORMANCE.md}.
 */
package org.opentermin.benchmarks;
