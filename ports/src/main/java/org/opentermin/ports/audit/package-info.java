/** Reading the audit log: what office administrators see of who read and changed what. */
package org.opentermin.ports.audit;
