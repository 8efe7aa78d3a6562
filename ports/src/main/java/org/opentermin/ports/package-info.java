/**
 * The application boundary of OpenTermin: use cases (in), what they need from the outside (out),
 * and the plain services between them.
 */
package org.opentermin.ports;
