/**
 * The HTTP API on Javalin. {@link org.opentermin.http.HttpApi} is the one entry point; it wires the
 * feature packages' routes, the problem mapping, security headers, limits, metrics and API docs.
 */
package org.opentermin.http;
