/**
 * The PostgreSQL adapter of OpenTermin: JDBI stores, Flyway migrations and the embedded database.
 */
package org.opentermin.jdbc;
