package org.opentermin.http.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opentermin.core.catalog.OfficeId;

class AdminRoutesTest {

  @Test
  void generatedIdsAreReadableSlugsOfTheNameWithARandomSuffix() {
    String id = AdminRoutes.generatedId("Sozialbürgerhaus Süd / Außenstelle Straße");

    // Umlauts and ß spelled out, cut to 40 characters before the suffix.
    assertThat(id).matches("sozialbuergerhaus-sued-aussenstelle-stra-[a-z2-9]{4}");
    assertThat(OfficeId.isValid(id)).isTrue();
    assertThat(AdminRoutes.generatedId("Sozialbürgerhaus Süd"))
        .isNotEqualTo(AdminRoutes.generatedId("Sozialbürgerhaus Süd"));
  }

  @Test
  void namesWithoutLettersStillGetAValidId() {
    String id = AdminRoutes.generatedId("№ ★");

    assertThat(id).matches("[a-z2-9]{4}");
    assertThat(OfficeId.isValid(id)).isTrue();
  }
}
