package org.opentermin.core.booking;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.net.URI;
import java.util.Locale;

/**
 * Where citizen and caseworker meet for a video appointment: an absolute {@code https} (or, for
 * local set-ups, {@code http}) link without user information or fragment. The link travels to the
 * citizen in answers and calendar files, so whoever makes it must keep personal data and the
 * service's name out of it. Whoever knows the link can join the room, so {@link #toString()} does
 * not show it and it never goes into logs. Immutable.
 */
public record VideoLink(URI uri) {

  /** The longest link, in characters. */
  public static final int MAXIMUM_LENGTH = 500;

  public VideoLink {
    checkNotNull(uri, "uri");
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    checkArgument(
        scheme.equals("https") || scheme.equals("http"),
        "a video link is an http(s) link, not %s",
        uri.getScheme());
    checkArgument(uri.getHost() != null && !uri.getHost().isEmpty(), "a video link names a host");
    checkArgument(uri.getRawUserInfo() == null, "a video link carries no user information");
    checkArgument(uri.getRawFragment() == null, "a video link has no fragment");
    checkArgument(
        uri.toString().length() <= MAXIMUM_LENGTH,
        "a video link has at most %s characters",
        MAXIMUM_LENGTH);
  }

  /** The link in {@code text}. */
  public static VideoLink of(String text) {
    checkNotNull(text, "text");
    return new VideoLink(URI.create(text));
  }

  /** The link as text, e.g. for a calendar file. */
  public String text() {
    return uri.toString();
  }

  @Override
  public String toString() {
    return "VideoLink[hidden]";
  }
}
