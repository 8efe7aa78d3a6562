/**
 * The framework-free scheduling domain of OpenTermin: offices, services, resources, working time,
 * holidays and slot generation, as immutable values and pure functions.
 *
 * <p>Nothing in here performs I/O, starts threads or reads the system clock; the current instant is
 * always passed in.
 */
package org.opentermin.core;
