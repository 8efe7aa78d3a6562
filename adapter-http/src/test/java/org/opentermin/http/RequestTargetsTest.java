package org.opentermin.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestTargetsTest {

  @Test
  void onlyWellFormedPercentEscapesPass() {
    assertThat(RequestTargets.wellEscaped("/api/v1/offices/sbh%2Dmitte")).isTrue();
    assertThat(RequestTargets.wellEscaped(null)).isTrue();
    assertThat(RequestTargets.wellEscaped("/api/v1/offices/%u002e")).isFalse();
    assertThat(RequestTargets.wellEscaped("from=%zz")).isFalse();
    assertThat(RequestTargets.wellEscaped("a%")).isFalse();
    assertThat(RequestTargets.wellEscaped("a%2")).isFalse();
  }
}
