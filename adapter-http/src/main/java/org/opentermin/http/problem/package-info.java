/**
 * Refusals and failures as RFC 9457 problem documents with localised titles: the one place that
 * maps them to status codes.
 */
package org.opentermin.http.problem;
