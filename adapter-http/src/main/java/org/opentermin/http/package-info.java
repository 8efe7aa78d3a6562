/**
 * The HTTP adapter of OpenTermin: Javalin routes, request validation, JSON mapping and problem
 * documents.
 */
package org.opentermin.http;
