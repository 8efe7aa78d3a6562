/** End-to-end tests: the real app with embedded PostgreSQL on a random port, driven over HTTP. */
package org.opentermin.app.e2e;
