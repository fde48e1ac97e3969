package vn.luutru.importer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The folder of a saved site, and what the addresses its pages give lead to: a file inside it, an
 * address on the web, or nothing the import may read. Like a web server's document root (nginx's
 * {@code root}), nothing outside the folder is ever reached: {@code ..} that climbs out of it, raw
 * or percent-encoded ({@code %2e%2e}, {@code %2F}, {@code %5C}, {@code \}), a {@code file:}
 * address, a drive letter ({@code C:\…}), a control character ({@code %00}) and a symbolic link
 * whose target is outside are refused before any file is opened; an address from the root ({@code
 * /uploads/a.jpg}) is read under the folder, as a server reads it under its document root.
 *
 * <pre>{@code
 * Mirror m = Mirror.of(Path.of("cu"));
 * m.resolve(Path.of("cu/tin-tuc/205.html"), "205_files/dai-hoi.png");  // Local[cu/tin-tuc/205_files/dai-hoi.png]
 * m.resolve(Path.of("cu/tin-tuc/205.html"), "../../etc/shadow");         // Refused[…leads outside…]
 * }</pre>
 */
final class Mirror {
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
  private static final Pattern WEB = Pattern.compile("(?i)^https?://.*");
  private static final Pattern DRIVE = Pattern.compile("^[A-Za-z][:|]([/\\\\]|$)");

  private final Path root;
  private final Path realRoot;

  private Mirror(Path root, Path realRoot) {
    this.root = root;
    this.realRoot = realRoot;
  }

  /** The saved site in {@code folder}; its real path (links followed) bounds every file read. */
  static Mirror of(Path folder) throws IOException {
    Path root = folder.toAbsolutePath().normalize();
    return new Mirror(root, root.toRealPath());
  }

  Path root() {
    return root;
  }

  /** What an address found in a page leads to. */
  sealed interface Target permits Web, Local, Missing, Refused {}

  /** An address on the web, kept as it is ({@code //host/…} made {@code https:}). */
  record Web(String url) implements Target {}

  /**
   * A file inside the saved site: {@code file} is its real path, {@code name} its name as the page
   * gave it, {@code sitePath} its path under the root ({@code tin-tuc/205.html}).
   */
  record Local(Path file, String name, String sitePath) implements Target {}

  /**
   * An address inside the saved site with no file there; {@code sitePath} as for {@link Local}, or
   * empty.
   */
  record Missing(String why, String sitePath) implements Target {
    Missing(String why) {
      this(why, "");
    }
  }

  /** An address the import does not follow, and why: it leads outside the saved site. */
  record Refused(String why) implements Target {}

  /** Whether {@code page} is inside the saved site, links followed. */
  boolean contains(Path page) throws IOException {
    return page.toRealPath().startsWith(realRoot);
  }

  /** Where {@code address}, found in {@code page} (a file inside the root), leads. */
  Target resolve(Path page, String address) {
    String s = address.strip();
    if (s.startsWith("//")) {
      return new Web("https:" + s);
    }
    if (WEB.matcher(s).matches()) {
      return new Web(s);
    }
    if (DRIVE.matcher(s).find()) {
      return new Refused(Messages.get("mirror.windows-drive"));
    }
    if (SCHEME.matcher(s).find()) {
      String scheme = s.substring(0, s.indexOf(':')).toLowerCase(Locale.ROOT);
      if (scheme.equals("data")) {
        return new Refused(Messages.get("mirror.data"));
      }
      return new Refused(
          scheme.equals("file")
              ? Messages.get("mirror.file-scheme")
              : Messages.get("mirror.other-scheme", scheme));
    }
    int cut = indexOfAny(s, '?', '#');
    String path = decode(cut < 0 ? s : s.substring(0, cut));
    if (path.isEmpty()) {
      return new Missing(Messages.get("mirror.no-file"));
    }
    if (path.chars().anyMatch(c -> c < 0x20 || c == 0x7F || c == 0xFFFD)) {
      return new Refused(Messages.get("mirror.control"));
    }
    path = path.replace('\\', '/');
    List<String> parts = new ArrayList<>();
    if (!path.startsWith("/")) {
      Path folder = page.toAbsolutePath().normalize().getParent();
      if (!folder.startsWith(root)) {
        return new Refused(Messages.get("mirror.page-outside"));
      }
      for (Path p : root.relativize(folder)) {
        if (!p.toString().isEmpty()) {
          parts.add(p.toString());
        }
      }
    }
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (parts.isEmpty()) {
          return new Refused(Messages.get("mirror.leads-outside", root));
        }
        parts.remove(parts.size() - 1);
      } else {
        parts.add(part);
      }
    }
    if (parts.isEmpty()) {
      return new Missing(Messages.get("mirror.root-folder"));
    }
    // One part at a time, so that a link is judged before anything beyond it is looked at.
    Path candidate = root;
    String sitePath = String.join("/", parts);
    for (int i = 0; i < parts.size(); i++) {
      String part = parts.get(i);
      candidate = candidate.resolve(part);
      if (i == parts.size() - 1
          && !Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)
          && part.matches("(?i).+\\.(aspx?|php|jsp|cfm)")
          && Files.exists(candidate.resolveSibling(part + ".html"), LinkOption.NOFOLLOW_LINKS)) {
        // Saved by wget --adjust-extension: 190.aspx is in 190.aspx.html.
        candidate = candidate.resolveSibling(part + ".html");
      }
      if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
        return new Missing(Messages.get("mirror.not-saved", candidate), String.join("/", parts));
      }
      if (Files.isSymbolicLink(candidate)) {
        Path target;
        try {
          target = candidate.toRealPath();
        } catch (IOException e) {
          return new Missing(Messages.get("mirror.link-nowhere", candidate));
        }
        if (!target.startsWith(realRoot)) {
          return new Refused(Messages.get("mirror.link-outside", candidate));
        }
      }
    }
    Path real;
    try {
      real = candidate.toRealPath();
    } catch (IOException e) {
      return new Missing(Messages.get("mirror.unfollowed", candidate));
    }
    if (!real.startsWith(realRoot)) {
      return new Refused(Messages.get("mirror.leads-outside", root));
    }
    if (Files.isDirectory(real)) {
      // A folder's address answers its index page, as a web server answers it.
      for (String index : List.of("index.html", "index.htm")) {
        Path indexPage = candidate.resolve(index);
        if (Files.isRegularFile(indexPage, LinkOption.NOFOLLOW_LINKS)) {
          try {
            Path realPage = indexPage.toRealPath();
            if (realPage.startsWith(realRoot)) {
              return new Local(realPage, index, sitePath + "/" + index);
            }
          } catch (IOException e) {
            return new Missing(Messages.get("mirror.unfollowed", indexPage));
          }
        }
      }
    }
    if (!Files.isRegularFile(real)) {
      return new Missing(Messages.get("mirror.folder", candidate));
    }
    return new Local(real, parts.get(parts.size() - 1), sitePath);
  }

  private static int indexOfAny(String s, char a, char b) {
    int i = s.indexOf(a);
    int j = s.indexOf(b);
    return i < 0 ? j : (j < 0 ? i : Math.min(i, j));
  }

  /**
   * Undoes percent-encoding once ({@code %2e%2e} → {@code ..}); a {@code %} not followed by two
   * hexadecimal digits stays as it is, and bytes that are not UTF-8 become U+FFFD (then refused).
   */
  static String decode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < utf8.length; i++) {
      if (utf8[i] == '%' && i + 2 < utf8.length && hex(utf8[i + 1]) >= 0 && hex(utf8[i + 2]) >= 0) {
        bytes.write(hex(utf8[i + 1]) * 16 + hex(utf8[i + 2]));
        i += 2;
      } else {
        bytes.write(utf8[i]);
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      return "\uFFFD";
    }
  }

  private static int hex(byte b) {
    return Character.digit(b, 16);
  }
}
