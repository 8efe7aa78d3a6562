/**
 * Contract tests every implementation of the out-ports MUST pass. Adapter writers extend the
 * abstract classes (shipped in the {@code opentermin-ports} test jar) and supply fresh stores.
 */
package org.opentermin.ports.contract;
