/** An office's audit log for its administrators, page by page. */
package org.opentermin.http.audit;
