/**
 * What an administration offers: offices with their time zone and booking horizon, services with
 * durations and channels, and the resources (caseworkers, workstations, rooms) that serve them.
 */
package org.opentermin.core.catalog;
