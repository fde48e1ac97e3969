package vn.luutru.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeployTargetTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "sftp://tuyengiao@example.vn/var/www        | tuyengiao | example.vn  | 22   | /var/www",
        "sftp://tuyengiao@example.vn/var/www/       | tuyengiao | example.vn  | 22   | /var/www",
        "sftp://tuyengiao@example.vn:2222/~/www     | tuyengiao | example.vn  | 2222 | www",
        "sftp://tuyengiao@example.vn                | tuyengiao | example.vn  | 22   | ''",
        "sftp://tuyengiao@example.vn/~              | tuyengiao | example.vn  | 22   | ''",
        "SFTP://a@10.0.0.5/srv/luu%20tru            | a         | 10.0.0.5    | 22   | /srv/luu tru",
        "sftp://a@[::1]:22/srv                      | a         | ::1         | 22   | /srv",
      })
  void sftpAddresses(String text, String user, String host, int port, String path) {
    assertThat(DeployTarget.parse(text)).isEqualTo(new DeployTarget.Sftp(user, host, port, path));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/mnt/web/luu-tru | /mnt/web/luu-tru",
        "web              | web",
        "file:///mnt/web  | /mnt/web",
      })
  void folders(String text, String path) {
    assertThat(DeployTarget.parse(text)).isEqualTo(new DeployTarget.Folder(Path.of(path)));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "sftp://example.vn/var/www         | not an SFTP address",
        "sftp://a:secret@example.vn/www    | never in the address",
        "sftp:///www                       | not an SFTP address",
        "sftp://a@example.vn/www?x=1       | not an SFTP address",
        "ftps://example.vn/www             | not an FTP address",
        "https://example.vn/www            | publishes to a folder, to sftp://",
        "' '                               | say where to publish",
      })
  void refusals(String text, String message) {
    assertThatThrownBy(() -> DeployTarget.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ftps://tuyengiao@example.vn/www      | true  | example.vn | 21  | /www",
        "ftp://tuyengiao@example.vn:2121/~/www | false | example.vn | 2121 | www",
      })
  void ftpAddresses(String text, boolean secure, String host, int port, String path) {
    assertThat(DeployTarget.parse(text))
        .isEqualTo(new DeployTarget.Ftp(secure, "tuyengiao", host, port, path));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "ftps://a@h/www",
    "ftp://a@h:2121/~/www",
    "sftp://a@h/var/www",
    "sftp://a@h:2222/~/www",
    "sftp://a@h/~/"
  })
  void displayedAsWritten(String text) {
    String shown = DeployTarget.parse(text).display();
    assertThat(DeployTarget.parse(shown)).isEqualTo(DeployTarget.parse(text));
  }
}
