package org.opentermin.http.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.io.EofException;
import org.junit.jupiter.api.Test;

class UnreadableRequestsTest {

  @Test
  void aBodyThatBreaksHttpOrEndsEarlyIsTheClientsFault() {
    assertThat(
            UnreadableRequests.problem(
                new RuntimeException(new BadMessageException("bad chunk")), 1024))
        .hasValueSatisfying(problem -> assertThat(problem.status()).isEqualTo(400));
    assertThat(UnreadableRequests.problem(new EofException("early EOF"), 1024))
        .hasValueSatisfying(problem -> assertThat(problem.status()).isEqualTo(400));
    assertThat(UnreadableRequests.problem(new IllegalStateException("ours"), 1024)).isEmpty();
  }
}
