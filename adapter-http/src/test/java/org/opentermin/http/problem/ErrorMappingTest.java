package org.opentermin.http.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ErrorMappingTest {

  @Test
  void loggedFailuresKeepTypesAndFramesButNoMessages() {
    IllegalStateException failure =
        new IllegalStateException(
            "duplicate key (email)=(erika@example.org)",
            new IllegalArgumentException("name Erika Mustermann"));

    Throwable logged = ErrorMapping.withoutMessages(failure);
    StringWriter printed = new StringWriter();
    logged.printStackTrace(new PrintWriter(printed));

    assertThat(printed.toString())
        .contains(
            "java.lang.IllegalStateException",
            "java.lang.IllegalArgumentException",
            "ErrorMappingTest")
        .doesNotContain("erika", "Erika", "duplicate key");
    assertThat(logged.getStackTrace()).isEqualTo(failure.getStackTrace());
  }
}
