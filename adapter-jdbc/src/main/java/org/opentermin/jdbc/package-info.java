/**
 * The PostgreSQL adapter of OpenTermin: JDBI stores for the out-ports, Flyway migrations and an
 * embedded PostgreSQL for zero-setup runs. {@link org.opentermin.jdbc.JdbcAdapter} is its one entry
 * point.
 */
package org.opentermin.jdbc;
