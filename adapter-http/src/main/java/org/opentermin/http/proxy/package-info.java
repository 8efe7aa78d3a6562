/**
 * Which peers may speak for the client: the reverse proxies an operator trusts, and the rule that
 * picks a request's client address from their forwarding headers.
 */
package org.opentermin.http.proxy;
