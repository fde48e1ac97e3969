package vn.luutru.content;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A path inside the site or the content folder, decoded ({@code tin tức/ảnh 1.jpg}): relative,
 * {@code /}-separated, with no segment that is empty, {@code .} or {@code ..}; it may end in {@code
 * /} (a folder) and may be empty (the root). Also the one place that decodes and percent-encodes
 * addresses.
 *
 * <pre>{@code
 * SitePath.resolve("2020/01/../anh/a b.jpg").orElseThrow().encoded()  // "2020/anh/a%20b.jpg"
 * }</pre>
 *
 * @param path the path as text
 */
public record SitePath(String path) {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /**
   * @throws IllegalArgumentException when {@code path} starts with {@code /} or has a segment that
   *     is empty, . or ..
   */
  public SitePath {
    if (!isRelativeAndPlain(path)) {
      throw new IllegalArgumentException("not a plain relative path: " + path);
    }
  }

  /**
   * The path as a request or an alias names a file: empty when it is not a {@link SitePath} or has
   * a backslash, which some systems read as a separator.
   */
  public static Optional<SitePath> of(String path) {
    return isRelativeAndPlain(path) && path.indexOf('\\') < 0
        ? Optional.of(new SitePath(path))
        : Optional.empty();
  }

  /**
   * {@code a/./b/../c} → {@code a/c}, leaving out empty segments and any trailing slash; empty when
   * the path climbs above its root.
   */
  public static Optional<SitePath> resolve(String path) {
    List<String> parts = new ArrayList<>();
    for (String p : path.split("/")) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..")) {
        if (parts.isEmpty()) {
          return Optional.empty();
        }
        parts.remove(parts.size() - 1);
      } else {
        parts.add(p);
      }
    }
    return Optional.of(new SitePath(String.join("/", parts)));
  }

  /**
   * The path of an address with its percent-escapes undone ({@code /tin%20t%E1%BB%A9c/} → {@code
   * /tin tức/}), a space read as {@code %20}: empty when the address is not valid or has no path
   * ({@code mailto:x}).
   */
  public static Optional<String> decode(String address) {
    try {
      return Optional.ofNullable(new URI(address.replace(" ", "%20")).getPath());
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  /** Whether {@code address} is a valid URI reference once spaces are read as {@code %20}. */
  public static boolean isValidAddress(String address) {
    try {
      new URI(address.replace(" ", "%20"));
      return true;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** The path percent-encoded for a link (spaces and letters beyond ASCII), slashes kept. */
  public String encoded() {
    try {
      return new URI(null, null, "/" + path, null).toASCIIString().substring(1);
    } catch (URISyntaxException e) {
      return path;
    }
  }

  /**
   * Percent-encodes (as UTF-8) what a URL may not hold as it is: spaces, controls, {@code
   * "<>\^`{|}} and square brackets; a {@code %} that starts no escape becomes {@code %25}. Letters
   * beyond ASCII stay, as in the address bar ({@code /tài-liệu.pdf}). Valid addresses come back
   * unchanged.
   */
  public static String escape(String url) {
    StringBuilder out = null;
    for (int i = 0; i < url.length(); ) {
      int cp = url.codePointAt(i);
      int width = Character.charCount(cp);
      boolean keep =
          cp < 0x80
              ? cp > 0x20
                  && cp < 0x7F
                  && "\"<>\\^`{|}[]".indexOf(cp) < 0
                  && (cp != '%'
                      || i + 2 < url.length()
                          && isHex(url.charAt(i + 1))
                          && isHex(url.charAt(i + 2)))
              : cp >= 0xA0 && !Character.isSurrogate((char) cp) || width == 2;
      if (!keep && out == null) {
        out = new StringBuilder(url.length() + 16).append(url, 0, i);
      }
      if (out != null) {
        if (keep) {
          out.appendCodePoint(cp);
        } else {
          String s =
              Character.isSurrogate((char) cp) && width == 1
                  ? "\uFFFD"
                  : new String(Character.toChars(cp));
          for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
          }
        }
      }
      i += width;
    }
    return out == null ? url : out.toString();
  }

  private static boolean isHex(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }

  private static boolean isRelativeAndPlain(String path) {
    if (path.startsWith("/") || path.contains("//")) {
      return false;
    }
    for (String segment : path.split("/")) {
      if (segment.equals(".") || segment.equals("..")) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return path;
  }
}
