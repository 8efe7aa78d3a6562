package org.opentermin.ports.video;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.io.BaseEncoding;
import java.net.URI;
import java.util.Locale;
import org.opentermin.core.booking.VideoLink;
import org.opentermin.ports.out.RandomSource;
import org.opentermin.ports.out.VideoRoom;

/**
 * The built-in {@link VideoRoom}: each room is {@code <base URL>/<room name>}, the name 128 random
 * bits in lower-case base 32 (26 letters and digits). Nothing is registered anywhere; the base URL
 * must point to a video service that opens a room on first visit by its name, as Jitsi Meet does.
 * The meeting's details never enter the link. Thread-safe if the random source is.
 */
public final class GeneratedVideoRooms implements VideoRoom {

  /**
   * The public Jitsi Meet service, so that video appointments work out of the box. Offices should
   * point the base URL to a video service they run or have contracted, for data protection.
   */
  public static final URI DEFAULT_BASE_URL = URI.create("https://meet.jit.si");

  private static final int RANDOM_BYTES = 16;
  private static final BaseEncoding ROOM_NAMES = BaseEncoding.base32().lowerCase().omitPadding();

  private final String base;
  private final RandomSource random;

  /**
   * Rooms under {@code baseUrl}: an absolute http(s) URL without query, fragment or user
   * information, e.g. {@code https://video.example.org/rooms}.
   */
  public GeneratedVideoRooms(URI baseUrl, RandomSource random) {
    this.base = checkBaseUrl(baseUrl);
    this.random = checkNotNull(random, "random");
  }

  @Override
  public VideoLink open(Meeting meeting) {
    checkNotNull(meeting, "meeting");
    byte[] name = new byte[RANDOM_BYTES];
    random.nextBytes(name);
    return VideoLink.of(base + "/" + ROOM_NAMES.encode(name));
  }

  /** The base URL as text without a trailing slash, if it is one rooms can be made under. */
  public static String checkBaseUrl(URI baseUrl) {
    checkNotNull(baseUrl, "baseUrl");
    String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
    checkArgument(
        scheme.equals("https") || scheme.equals("http"),
        "the video base URL must be an http(s) URL, not %s",
        baseUrl);
    checkArgument(baseUrl.getHost() != null, "the video base URL must name a host: %s", baseUrl);
    checkArgument(
        baseUrl.getRawQuery() == null
            && baseUrl.getRawFragment() == null
            && baseUrl.getRawUserInfo() == null,
        "the video base URL must have no query, fragment or user information: %s",
        baseUrl);
    String text = baseUrl.toString();
    while (text.endsWith("/")) {
      text = text.substring(0, text.length() - 1);
    }
    // Room names add 27 characters.
    checkArgument(
        text.length() <= VideoLink.MAXIMUM_LENGTH - 27,
        "the video base URL is too long: %s",
        baseUrl);
    return text;
  }
}
