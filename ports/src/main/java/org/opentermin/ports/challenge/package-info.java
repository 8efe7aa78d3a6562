/**
 * The anti-bot challenge a client passes before a hold: a proof of work over a signed, expiring
 * challenge that any app instance can check and that passes once.
 */
package org.opentermin.ports.challenge;
