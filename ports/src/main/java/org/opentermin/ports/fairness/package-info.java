/** Fair access beyond the booking path: the lottery of release waves and its draws. */
package org.opentermin.ports.fairness;
