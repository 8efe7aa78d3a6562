package org.opentermin.http.proxy;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.net.InetAddresses;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The reverse proxies whose forwarding headers are believed, as addresses and CIDR blocks (IPv4 and
 * IPv6), and the rule that picks a request's client address and scheme. Immutable and thread-safe.
 *
 * <p>Anyone can write {@code Forwarded} or {@code X-Forwarded-For}; only a proxy the operator runs
 * appends what it really saw. So the headers count only when the socket's peer is a trusted proxy,
 * and then the chain is read from the right: each trusted hop vouches for the one before it, and
 * the first hop that is not a trusted proxy is the client. Whatever a client wrote further left is
 * never reached. A hop that is not an address ({@code unknown}, an obfuscated name, garbage) ends
 * the walk: the trusted hop right of it, which reported it, stands for the client. Nothing here
 * resolves names, so a header never causes a DNS lookup.
 */
public final class TrustedProxies {

  private static final TrustedProxies NONE = new TrustedProxies(ImmutableList.of());

  private final ImmutableList<Block> blocks;

  private TrustedProxies(ImmutableList<Block> blocks) {
    this.blocks = blocks;
  }

  /** Trusts nobody: the client is always the socket's peer. */
  public static TrustedProxies none() {
    return NONE;
  }

  /**
   * Parses a comma- or space-separated list of addresses ({@code 10.0.0.7}, {@code ::1}) and CIDR
   * blocks ({@code 10.0.0.0/8}, {@code fd00::/8}); blank means none.
   *
   * @throws IllegalArgumentException naming the first entry that is neither
   */
  public static TrustedProxies parse(String list) {
    checkNotNull(list, "list");
    ImmutableList.Builder<Block> blocks = ImmutableList.builder();
    for (String entry : list.split("[,\\s]+")) {
      if (!entry.isEmpty()) {
        blocks.add(Block.parse(entry));
      }
    }
    return new TrustedProxies(blocks.build());
  }

  /** Whether any proxy is trusted at all. */
  public boolean isEmpty() {
    return blocks.isEmpty();
  }

  /** Whether {@code address} (a literal, IPv6 possibly in brackets) is a trusted proxy. */
  public boolean trusts(String address) {
    return literal(address).map(this::trusts).orElse(false);
  }

  /**
   * The client's address, in canonical text form: the peer's own unless the peer is trusted, else
   * the rightmost hop of the forwarding chain that is not a trusted proxy. {@code Forwarded} (RFC
   * 7239) is read when present, {@code X-Forwarded-For} otherwise, never both, so that a client
   * cannot add hops through the header its proxy does not write.
   *
   * @param peer the socket's remote address
   * @param forwarded every {@code Forwarded} header value, in order
   * @param forwardedFor every {@code X-Forwarded-For} header value, in order
   */
  public String clientAddress(String peer, List<String> forwarded, List<String> forwardedFor) {
    checkNotNull(peer, "peer");
    Optional<InetAddress> peerAddress = literal(peer);
    if (peerAddress.isEmpty()) {
      return peer;
    }
    InetAddress current = peerAddress.get();
    if (!trusts(current)) {
      return InetAddresses.toAddrString(current);
    }
    List<String> hops = forwarded.isEmpty() ? listed(forwardedFor) : forwardedFor(forwarded);
    for (int i = hops.size() - 1; i >= 0 && trusts(current); i--) {
      Optional<InetAddress> hop = hopAddress(hops.get(i));
      if (hop.isEmpty()) {
        break;
      }
      current = hop.get();
    }
    return InetAddresses.toAddrString(current);
  }

  /**
   * The scheme the client used: {@code http} or {@code https} from the proxy's {@code Forwarded
   * proto=} or {@code X-Forwarded-Proto} (its last value, the one the nearest proxy wrote) when the
   * peer is trusted; {@code peerScheme} otherwise or when the header says anything else.
   */
  public String scheme(
      String peer, String peerScheme, List<String> forwarded, List<String> forwardedProto) {
    checkNotNull(peerScheme, "peerScheme");
    if (!trusts(peer)) {
      return peerScheme;
    }
    List<String> protos =
        forwarded.isEmpty() ? listed(forwardedProto) : parameters(forwarded, "proto");
    if (protos.isEmpty()) {
      return peerScheme;
    }
    String proto = protos.get(protos.size() - 1).toLowerCase(Locale.ROOT);
    return proto.equals("http") || proto.equals("https") ? proto : peerScheme;
  }

  /** Equal when they trust the same blocks, written alike, in the same order. */
  @Override
  public boolean equals(Object other) {
    return other instanceof TrustedProxies proxies && proxies.blocks.equals(blocks);
  }

  @Override
  public int hashCode() {
    return blocks.hashCode();
  }

  @Override
  public String toString() {
    return "TrustedProxies" + blocks;
  }

  private boolean trusts(InetAddress address) {
    return blocks.stream().anyMatch(block -> block.contains(address));
  }

  /** The comma-separated entries of every value, trimmed, in order. */
  private static List<String> listed(List<String> values) {
    List<String> entries = new ArrayList<>();
    for (String value : values) {
      for (String entry : value.split(",", -1)) {
        entries.add(entry.strip());
      }
    }
    return entries;
  }

  /**
   * The {@code for=} of each forwarded element, in order; an element without one is a blank hop.
   */
  private static List<String> forwardedFor(List<String> forwarded) {
    return parameters(forwarded, "for");
  }

  /**
   * One value per element of the {@code Forwarded} header for {@code name} (an empty string where
   * the element lacks it), unquoted. Quoted commas and semicolons are not expected in addresses or
   * schemes; an element split by one becomes a malformed hop, which ends the walk safely.
   */
  private static List<String> parameters(List<String> forwarded, String name) {
    List<String> values = new ArrayList<>();
    for (String element : listed(forwarded)) {
      String found = "";
      for (String pair : element.split(";", -1)) {
        int equals = pair.indexOf('=');
        if (equals > 0 && pair.substring(0, equals).strip().equalsIgnoreCase(name)) {
          found = unquoted(pair.substring(equals + 1).strip());
        }
      }
      values.add(found);
    }
    return values;
  }

  private static String unquoted(String value) {
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      return value.substring(1, value.length() - 1);
    }
    return value;
  }

  /**
   * A hop as proxies write it: {@code 192.0.2.1}, {@code 192.0.2.1:4711}, {@code 2001:db8::1},
   * {@code [2001:db8::1]} or {@code [2001:db8::1]:4711}.
   */
  private static Optional<InetAddress> hopAddress(String hop) {
    if (hop.startsWith("[")) {
      int close = hop.indexOf(']');
      if (close < 0 || !(close == hop.length() - 1 || isPort(hop.substring(close + 1)))) {
        return Optional.empty();
      }
      return literal(hop.substring(1, close));
    }
    int colon = hop.indexOf(':');
    if (colon >= 0 && colon == hop.lastIndexOf(':') && isPort(hop.substring(colon))) {
      return literal(hop.substring(0, colon));
    }
    return literal(hop);
  }

  private static boolean isPort(String suffix) {
    return suffix.length() >= 2
        && suffix.length() <= 6
        && suffix.charAt(0) == ':'
        && suffix.substring(1).chars().allMatch(c -> c >= '0' && c <= '9');
  }

  /** An address literal, IPv6 possibly in brackets; never a name, so never a DNS lookup. */
  private static Optional<InetAddress> literal(String text) {
    if (text == null || text.isEmpty() || text.length() > 64) {
      return Optional.empty();
    }
    String bare =
        text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
    // Zone ids (fe80::1%eth0) name an interface of the proxy, not a client; refuse them.
    if (bare.indexOf('%') >= 0 || !InetAddresses.isInetAddress(bare)) {
      return Optional.empty();
    }
    return Optional.of(InetAddresses.forString(bare));
  }

  /** An address block: a network address and the number of leading bits that must match. */
  private record Block(byte[] network, int prefixBits, String text) {

    static Block parse(String entry) {
      int slash = entry.indexOf('/');
      String addressText = slash < 0 ? entry : entry.substring(0, slash);
      Optional<InetAddress> address = literal(addressText);
      checkArgument(address.isPresent(), "not an IP address or CIDR block: %s", entry);
      byte[] bytes = address.get().getAddress();
      int maximum = bytes.length * 8;
      int prefix = maximum;
      if (slash >= 0) {
        String bits = entry.substring(slash + 1);
        checkArgument(bits.matches("\\d{1,3}"), "not a prefix length in %s", entry);
        prefix = Integer.parseInt(bits);
        checkArgument(prefix <= maximum, "a prefix of %s bits is too long for %s", prefix, entry);
      }
      return new Block(bytes, prefix, entry);
    }

    boolean contains(InetAddress address) {
      byte[] candidate = address.getAddress();
      if (candidate.length != network.length) {
        return false;
      }
      int whole = prefixBits / 8;
      for (int i = 0; i < whole; i++) {
        if (candidate[i] != network[i]) {
          return false;
        }
      }
      int rest = prefixBits % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (candidate[whole] & mask) == (network[whole] & mask);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Block block
          && block.prefixBits == prefixBits
          && Arrays.equals(block.network, network);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(network) + prefixBits;
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
