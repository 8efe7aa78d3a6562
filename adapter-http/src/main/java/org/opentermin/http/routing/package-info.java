/**
 * Responsibility routing: who is responsible for a citizen, and the address rules, team rules and
 * cases administrators import as CSV.
 */
package org.opentermin.http.routing;
