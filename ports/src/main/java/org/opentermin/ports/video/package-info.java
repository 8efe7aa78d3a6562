/**
 * Video rooms for video appointments: the built-in {@link org.opentermin.ports.out.VideoRoom} that
 * makes an unguessable room link under a configured base URL.
 */
package org.opentermin.ports.video;
