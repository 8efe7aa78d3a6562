/**
 * What the application needs from the outside (driven ports): the catalog and booking stores and
 * a source of randomness. Every store method is one atomic step; implementations must pass the
 * contract tests shipped in this module's test jar.
 */
package org.opentermin.ports.out;
