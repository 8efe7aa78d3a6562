/**
 * What every feature's routes share: strict JSON reading, path and query parameters, bearer-token
 * authentication, the office cache and the request and response parts several features use.
 */
package org.opentermin.http.common;
