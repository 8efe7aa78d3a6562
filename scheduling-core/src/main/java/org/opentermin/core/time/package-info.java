/**
 * Half-open ranges of local dates and local times of day, the vocabulary in which opening hours and
 * validity periods are written.
 */
package org.opentermin.core.time;
