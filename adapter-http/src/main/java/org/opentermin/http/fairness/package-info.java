/**
 * Fair access: access policies, the anti-bot challenge, the lottery of a release wave and the
 * waiting list.
 */
package org.opentermin.http.fairness;
