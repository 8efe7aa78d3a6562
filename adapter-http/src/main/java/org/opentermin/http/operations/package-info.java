/** For operators: liveness, readiness, metrics, and the per-client rate limits of the API. */
package org.opentermin.http.operations;
