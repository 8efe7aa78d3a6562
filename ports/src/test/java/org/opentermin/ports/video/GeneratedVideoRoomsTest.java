package org.opentermin.ports.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.ports.out.RandomSource;
import org.opentermin.ports.out.VideoRoom;

class GeneratedVideoRoomsTest {

  private static final VideoRoom.Meeting MEETING =
      new VideoRoom.Meeting(
          OfficeId.of("sbh-mitte"),
          Instant.parse("2026-12-07T08:00:00Z"),
          Instant.parse("2026-12-07T08:30:00Z"));

  @Test
  void roomIsTheBaseUrlAndATwentySixCharacterRandomName() {
    GeneratedVideoRooms rooms =
        new GeneratedVideoRooms(
            URI.create("https://video.example.org/rooms"), RandomSource.seeded(1));

    assertThat(rooms.open(MEETING).text())
        .matches("https://video\\.example\\.org/rooms/[a-z2-7]{26}");
  }

  @Test
  void trailingSlashesOfTheBaseUrlAreNotDoubled() {
    GeneratedVideoRooms rooms =
        new GeneratedVideoRooms(URI.create("https://video.example.org//"), RandomSource.seeded(1));

    assertThat(rooms.open(MEETING).text()).matches("https://video\\.example\\.org/[a-z2-7]{26}");
  }

  @Test
  void linkSaysNothingAboutTheMeeting() {
    String link =
        new GeneratedVideoRooms(GeneratedVideoRooms.DEFAULT_BASE_URL, RandomSource.seeded(1))
            .open(MEETING)
            .text();

    assertThat(link)
        .startsWith("https://meet.jit.si/")
        .doesNotContain("sbh", "mitte", "2026", "08");
  }

  @Test
  void everyRoomIsNewAndTheSameSeedMakesTheSameRooms() {
    GeneratedVideoRooms rooms =
        new GeneratedVideoRooms(URI.create("https://video.example.org"), RandomSource.seeded(5));
    Set<String> links = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      links.add(rooms.open(MEETING).text());
    }

    assertThat(links).hasSize(1000);
    assertThat(
            new GeneratedVideoRooms(URI.create("https://video.example.org"), RandomSource.seeded(5))
                .open(MEETING))
        .isEqualTo(
            new GeneratedVideoRooms(URI.create("https://video.example.org"), RandomSource.seeded(5))
                .open(MEETING));
  }

  @Test
  void baseUrlMustBeAPlainHttpUrl() {
    RandomSource random = RandomSource.seeded(1);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new GeneratedVideoRooms(URI.create("ftp://video.example.org"), random));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new GeneratedVideoRooms(URI.create("video.example.org/rooms"), random));
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> new GeneratedVideoRooms(URI.create("https://video.example.org/?room="), random));
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> new GeneratedVideoRooms(URI.create("https://a:b@video.example.org"), random));
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new GeneratedVideoRooms(
                    URI.create("https://video.example.org/" + "x".repeat(480)), random));
  }
}
