/**
 * A fictional demo data set: three Munich social welfare offices with services, caseworkers and
 * their working time, so that a fresh installation shows availability at once.
 */
package org.opentermin.app.demo;
