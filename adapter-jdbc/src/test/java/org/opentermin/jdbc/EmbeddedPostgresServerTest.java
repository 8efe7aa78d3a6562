package org.opentermin.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentermin.ports.contract.ContractFixtures;

class EmbeddedPostgresServerTest {

  @Test
  void dataSurvivesARestartInTheSameDirectory(@TempDir Path dataDirectory) {
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory);
        JdbcAdapter adapter = JdbcAdapter.connect(server.database("opentermin"))) {
      adapter.catalog().saveOffice(ContractFixtures.office(ContractFixtures.OFFICE, "Nord"));
    }

    try (EmbeddedPostgresServer restarted = EmbeddedPostgresServer.start(dataDirectory);
        JdbcAdapter adapter = JdbcAdapter.connect(restarted.database("opentermin"))) {
      assertThat(adapter.catalog().office(ContractFixtures.OFFICE)).isPresent();
      assertThat(adapter.isReachable()).isTrue();
    }
  }

  @Test
  void adapterNoticesWhenTheDatabaseIsGone(@TempDir Path dataDirectory) {
    EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory);
    try (JdbcAdapter adapter = JdbcAdapter.connect(server.database("opentermin"))) {
      server.close();
      assertThat(adapter.isReachable()).isFalse();
    }
  }
}
