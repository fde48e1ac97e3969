package vn.luutru.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SitePathTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "CLIMBS",
      value = {
        "a/./b/../c     | a/c",
        "/a//b/         | a/b",
        "a/..           | ''",
        "..             | CLIMBS",
        "a/../../b      | CLIMBS",
        "ảnh/a b.jpg    | ảnh/a b.jpg",
      })
  void resolvesDotsAndEmptySegments(String path, String resolved) {
    assertThat(SitePath.resolve(path).map(SitePath::path)).isEqualTo(Optional.ofNullable(resolved));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "NONE",
      value = {
        "/tin%20t%E1%BB%A9c/    | /tin tức/",
        "tin tức/a.jpg          | tin tức/a.jpg",
        "a%2Fb                  | a/b",
        "mailto:x               | NONE",
        "note:1                 | NONE",
        "/tin tức/%zz           | NONE",
      })
  void decodesThePathOfAnAddress(String address, String path) {
    assertThat(SitePath.decode(address)).isEqualTo(Optional.ofNullable(path));
  }

  @Test
  void tellsAnInvalidAddressFromOneWithoutAPath() {
    assertThat(SitePath.isValidAddress("mailto:x")).isTrue();
    assertThat(SitePath.isValidAddress("/tin tức/%zz")).isFalse();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''                     | true",
        "2020/01/a/             | true",
        "a\\b                   | false",
        "/a                     | false",
        "a//b                   | false",
        "a/./b                  | false",
        "a/../b                 | false",
      })
  void ofTakesOnlyPlainRelativePaths(String path, boolean plain) {
    assertThat(SitePath.of(path).isPresent()).isEqualTo(plain);
  }

  @Test
  void theConstructorRefusesWhatResolveWouldChange() {
    assertThatThrownBy(() -> new SitePath("a/../b")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void encodesSpacesAndLettersBeyondAsciiKeepingSlashes() {
    assertThat(new SitePath("tin tức/ảnh 1.jpg").encoded())
        .isEqualTo("tin%20t%E1%BB%A9c/%E1%BA%A3nh%201.jpg");
  }

  @Test
  void escapesOnlyWhatAUrlMayNotHold() {
    assertThat(SitePath.escape("https://example.org/a%20b%zz?x=đ#c"))
        .isEqualTo("https://example.org/a%20b%25zz?x=đ#c");
    assertThat(SitePath.escape("/tài liệu[1].pdf")).isEqualTo("/tài%20liệu%5B1%5D.pdf");
  }
}
