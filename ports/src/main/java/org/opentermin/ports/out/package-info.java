/**
 * What the application needs from the outside (driven ports): the catalog, booking, access-token,
 * waiting-list and lottery stores, spent challenges, the challenge itself, a notifier, video rooms
 * for video appointments, a source of randomness and the audit log. Every store method is one
 * atomic step; implementations must pass the contract tests shipped in this module's test jar.
 */
package org.opentermin.ports.out;
