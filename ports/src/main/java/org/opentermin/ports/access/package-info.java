/**
 * Access tokens for the staff and admin parts of the API: issued once with a role and the offices
 * they reach, stored only as hashes.
 */
package org.opentermin.ports.access;
