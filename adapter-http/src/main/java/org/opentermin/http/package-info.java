/**
 * The HTTP API on Javalin: JSON routes for citizens, staff, administrators and operators, strict
 * request reading and validation, problem documents, per-client rate limits, access tokens,
 * metrics and API docs. {@link org.opentermin.http.HttpApi} is the one entry point.
 */
package org.opentermin.http;
