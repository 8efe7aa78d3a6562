/** The runnable OpenTermin application: configuration, hand-written wiring and the entry point. */
package org.opentermin.app;
