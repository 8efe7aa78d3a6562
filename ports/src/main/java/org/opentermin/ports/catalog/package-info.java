/** The catalog use cases: browsing offices and services, and configuring them. */
package org.opentermin.ports.catalog;
