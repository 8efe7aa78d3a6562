/**
 * Responsibility ("Zuständigkeit") of social welfare offices: which office serves an address, which
 * team or caseworker inside it serves a surname and service, and which caseworker holds an existing
 * case; with a check that reports overlapping and gap-leaving rules.
 */
package org.opentermin.core.routing;
