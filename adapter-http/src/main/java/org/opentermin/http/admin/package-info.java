/** Administrators set up offices, services, resources, working time, closures and access tokens. */
package org.opentermin.http.admin;
