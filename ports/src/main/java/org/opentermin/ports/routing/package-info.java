/**
 * Responsibility routing as a use case: which office, team or caseworker serves a citizen, the
 * import of the rules and the cases staff maintain.
 */
package org.opentermin.ports.routing;
