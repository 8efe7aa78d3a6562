/** Who may act where: the roles of staff and administrators and the offices they reach. */
package org.opentermin.core.access;
