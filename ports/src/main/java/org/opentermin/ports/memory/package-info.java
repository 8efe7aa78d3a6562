/**
 * In-memory reference implementations of the out-ports: correct and simple rather than fast, for
 * tests, demos and as the executable specification adapter writers compare with.
 */
package org.opentermin.ports.memory;
