/**
 * The use cases the outside calls (driving ports), each with its command and result records.
 * Results are sealed: a success, or a {@link org.opentermin.ports.in.Refused} with a reason.
 */
package org.opentermin.ports.in;
