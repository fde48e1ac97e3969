package vn.luutru.publish;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a site is deployed: a folder (a mounted web root) or a folder on an SFTP server. Parsed
 * from what the user writes after {@code --to}:
 *
 * <pre>
 * /mnt/web/luu-tru                        a folder
 * sftp://tuyengiao@example.vn/var/www     an absolute folder on the server, port 22
 * sftp://tuyengiao@example.vn:2222/~/www  a folder under the user's home on the server
 * ftps://tuyengiao@example.vn/www          FTP with TLS (AUTH TLS), for hosts without SFTP
 * ftp://tuyengiao@example.vn/www           plain FTP: the password crosses the network unencrypted
 * </pre>
 */
public sealed interface DeployTarget
    permits DeployTarget.Folder, DeployTarget.Sftp, DeployTarget.Ftp {
  /** The default SSH port. */
  int SSH_PORT = 22;

  /** A folder reached through the file system. */
  record Folder(Path root) implements DeployTarget {
    @Override
    public String display() {
      return root.toString();
    }
  }

  /**
   * A folder on an SFTP server; {@code path} is absolute ({@code /var/www}) or relative to the
   * user's home ({@code www}, written {@code /~/www} in the address), {@code ""} for the home
   * itself.
   */
  record Sftp(String user, String host, int port, String path) implements DeployTarget {
    @Override
    public String display() {
      String where = path.startsWith("/") ? path : "/~/" + path;
      return "sftp://" + user + "@" + host + (port == SSH_PORT ? "" : ":" + port) + where;
    }
  }

  /**
   * A folder on an FTP server, over TLS ({@code ftps}, explicit: {@code AUTH TLS} on the FTP port)
   * or not; {@code path} as for {@link Sftp}.
   */
  record Ftp(boolean secure, String user, String host, int port, String path)
      implements DeployTarget {
    /** The default FTP port. */
    public static final int PORT = 21;

    @Override
    public String display() {
      String where = path.startsWith("/") ? path : "/~/" + path;
      return (secure ? "ftps" : "ftp")
          + "://"
          + user
          + "@"
          + host
          + (port == PORT ? "" : ":" + port)
          + where;
    }
  }

  /** The target as the user would write it, for messages. */
  String display();

  /**
   * Parses {@code text}; throws {@link IllegalArgumentException} with a message that says what to
   * write instead.
   */
  static DeployTarget parse(String text) {
    String t = text.strip();
    if (t.isEmpty()) {
      throw new IllegalArgumentException(Messages.get("deploy.empty-target"));
    }
    int scheme = t.indexOf("://");
    if (scheme < 0) {
      try {
        return new Folder(Path.of(t));
      } catch (InvalidPathException e) {
        throw new IllegalArgumentException(Messages.get("deploy.bad-folder", t));
      }
    }
    String name = t.substring(0, scheme).toLowerCase(Locale.ROOT);
    switch (name) {
      case "sftp":
        return sftp(t, SSH_PORT, "deploy.bad-sftp");
      case "file":
        try {
          return new Folder(Path.of(new URI(t)));
        } catch (URISyntaxException | IllegalArgumentException e) {
          throw new IllegalArgumentException(Messages.get("deploy.bad-folder", t));
        }
      case "ftp":
      case "ftps":
        {
          Sftp a = sftp(t, Ftp.PORT, "deploy.bad-ftp");
          return new Ftp(name.equals("ftps"), a.user(), a.host(), a.port(), a.path());
        }
      default:
        throw new IllegalArgumentException(Messages.get("deploy.unknown-scheme", t));
    }
  }

  /** The parts of a server address, read as an {@link Sftp} whatever its scheme. */
  private static Sftp sftp(String t, int defaultPort, String bad) {
    URI uri;
    try {
      uri = new URI(t);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(Messages.get(bad, t));
    }
    String user = uri.getUserInfo();
    String host = uri.getHost();
    if (host == null || user == null || user.isEmpty() || user.contains(":")) {
      throw new IllegalArgumentException(Messages.get(bad, t));
    }
    if (uri.getQuery() != null || uri.getFragment() != null) {
      throw new IllegalArgumentException(Messages.get(bad, t));
    }
    int port = uri.getPort() < 0 ? defaultPort : uri.getPort();
    String path = uri.getPath() == null ? "" : uri.getPath();
    if (path.isEmpty() || path.equals("/~") || path.equals("/~/")) {
      path = "";
    } else if (path.startsWith("/~/")) {
      path = path.substring(3);
    }
    while (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return new Sftp(
        user, host.startsWith("[") ? host.substring(1, host.length() - 1) : host, port, path);
  }
}
