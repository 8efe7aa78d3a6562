package org.opentermin.http.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

  private static final TrustedProxies PROXIES =
      TrustedProxies.parse("10.0.0.0/8, 192.168.1.5 fd00::/8");
  private static final List<String> NONE = List.of();

  @Test
  void aPeerThatIsNoProxyIsTheClientWhateverItsHeadersSay() {
    assertThat(
            PROXIES.clientAddress(
                "203.0.113.9", List.of("for=198.51.100.1"), List.of("198.51.100.2")))
        .isEqualTo("203.0.113.9");
  }

  @Test
  void withNoProxyTrustedTheHeadersAreIgnored() {
    assertThat(TrustedProxies.none().clientAddress("10.1.2.3", NONE, List.of("198.51.100.2")))
        .isEqualTo("10.1.2.3");
  }

  @Test
  void behindOneTrustedProxyTheClientIsTheAddressItAppended() {
    assertThat(PROXIES.clientAddress("10.1.2.3", NONE, List.of("198.51.100.2")))
        .isEqualTo("198.51.100.2");
  }

  @Test
  void whatAClientWroteLeftOfItsRealAddressIsNeverBelieved() {
    // The client sent "X-Forwarded-For: 1.1.1.1, 10.9.9.9"; the proxy appended the address it saw.
    assertThat(PROXIES.clientAddress("10.1.2.3", NONE, List.of("1.1.1.1, 10.9.9.9, 198.51.100.2")))
        .isEqualTo("198.51.100.2");
  }

  @Test
  void aChainOfTrustedProxiesIsWalkedToTheRightmostUntrustedHop() {
    assertThat(
            PROXIES.clientAddress(
                "10.1.2.3", NONE, List.of("1.1.1.1, 198.51.100.2, 192.168.1.5", "10.4.4.4")))
        .isEqualTo("198.51.100.2");
  }

  @Test
  void whenEveryHopIsTrustedTheLeftmostHopIsTheClient() {
    assertThat(PROXIES.clientAddress("10.1.2.3", NONE, List.of("10.7.7.7, 10.8.8.8")))
        .isEqualTo("10.7.7.7");
  }

  @Test
  void aTrustedProxyWithoutHeadersIsItselfTheClient() {
    assertThat(PROXIES.clientAddress("10.1.2.3", NONE, NONE)).isEqualTo("10.1.2.3");
  }

  @Test
  void forwardedIsReadWithPortsQuotesAndIpv6() {
    List<String> forwarded =
        List.of("for=192.0.2.60;proto=http;by=203.0.113.43, for=\"[2001:db8:cafe::17]:4711\"");

    assertThat(PROXIES.clientAddress("10.1.2.3", forwarded, NONE)).isEqualTo("2001:db8:cafe::17");
  }

  @Test
  void forwardedWinsOverXForwardedForSoThatAClientCannotAddHopsThroughTheOtherHeader() {
    assertThat(
            PROXIES.clientAddress(
                "10.1.2.3", List.of("For=198.51.100.2"), List.of("10.5.5.5, 1.1.1.1")))
        .isEqualTo("198.51.100.2");
  }

  @Test
  void aMalformedHopEndsTheWalkAtTheTrustedProxyThatReportedIt() {
    assertThat(PROXIES.clientAddress("10.1.2.3", NONE, List.of("198.51.100.2, not-an-address")))
        .isEqualTo("10.1.2.3");
    assertThat(PROXIES.clientAddress("10.1.2.3", NONE, List.of("198.51.100.2, junk, 10.5.5.5")))
        .isEqualTo("10.5.5.5");
    assertThat(PROXIES.clientAddress("10.1.2.3", List.of("for=unknown"), NONE))
        .isEqualTo("10.1.2.3");
    assertThat(PROXIES.clientAddress("10.1.2.3", List.of("for=_hidden;proto=https"), NONE))
        .isEqualTo("10.1.2.3");
    assertThat(PROXIES.clientAddress("10.1.2.3", List.of("proto=https"), NONE))
        .isEqualTo("10.1.2.3");
    assertThat(PROXIES.clientAddress("10.1.2.3", List.of("for=\"[2001:db8::1\""), NONE))
        .isEqualTo("10.1.2.3");
    assertThat(PROXIES.clientAddress("10.1.2.3", NONE, List.of("fe80::1%eth0")))
        .isEqualTo("10.1.2.3");
  }

  @Test
  void hostNamesAreNeverResolved() {
    assertThat(PROXIES.clientAddress("10.1.2.3", NONE, List.of("localhost"))).isEqualTo("10.1.2.3");
    assertThat(PROXIES.trusts("localhost")).isFalse();
  }

  @Test
  void addressesAreCanonicalSoThatOneClientHasOneBucket() {
    assertThat(PROXIES.clientAddress("10.1.2.3", NONE, List.of("2001:DB8:0:0::1")))
        .isEqualTo("2001:db8::1");
    assertThat(PROXIES.clientAddress("10.1.2.3", NONE, List.of("198.51.100.2:51234")))
        .isEqualTo("198.51.100.2");
    assertThat(PROXIES.clientAddress("[fd00::1]", NONE, List.of("::ffff:198.51.100.2")))
        .isEqualTo("198.51.100.2");
  }

  @Test
  void blocksMatchByPrefixInIpv4AndIpv6() {
    TrustedProxies proxies = TrustedProxies.parse("172.16.0.0/12,2001:db8:1::/48,::1");

    assertThat(proxies.trusts("172.31.255.255")).isTrue();
    assertThat(proxies.trusts("172.32.0.0")).isFalse();
    assertThat(proxies.trusts("2001:db8:1:ffff::9")).isTrue();
    assertThat(proxies.trusts("2001:db8:2::9")).isFalse();
    assertThat(proxies.trusts("[::1]")).isTrue();
    assertThat(proxies.trusts("::2")).isFalse();
    assertThat(proxies.trusts("127.0.0.1")).isFalse();
  }

  @Test
  void theSchemeComesFromATrustedProxyOnlyAndOnlyAsHttpOrHttps() {
    assertThat(PROXIES.scheme("10.1.2.3", "http", NONE, List.of("https"))).isEqualTo("https");
    assertThat(PROXIES.scheme("10.1.2.3", "http", List.of("for=1.2.3.4;proto=HTTPS"), NONE))
        .isEqualTo("https");
    assertThat(PROXIES.scheme("203.0.113.9", "http", NONE, List.of("https"))).isEqualTo("http");
    assertThat(PROXIES.scheme("10.1.2.3", "http", NONE, List.of("gopher"))).isEqualTo("http");
  }

  @Test
  void aBlankListTrustsNobodyAndAWrongEntryIsNamed() {
    assertThat(TrustedProxies.parse("  ").isEmpty()).isTrue();
    assertThat(TrustedProxies.parse("")).isEqualTo(TrustedProxies.none());
    assertThat(TrustedProxies.parse("10.0.0.0/8 ::1"))
        .isEqualTo(TrustedProxies.parse("10.0.0.0/8,0:0::1"));
    assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/8, proxy.example.org"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("proxy.example.org");
    assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33"))
        .hasMessageContaining("10.0.0.0/33");
    assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/x")).hasMessageContaining("10.0.0.0/x");
  }
}
