package vn.luutru.content;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Vietnamese text hygiene, folding and slugs: one place for the rules that the URLs, the taxonomies
 * and (later) the search index must agree on.
 *
 * <pre>{@code
 * VietnameseText.fold("Đại hội Đảng")  // "dai hoi dang"
 * VietnameseText.slug("Đại hội Đảng")  // "dai-hoi-dang"
 * }</pre>
 */
public final class VietnameseText {
  /** Slugs longer than this are cut at the last word boundary before it. */
  public static final int MAX_SLUG_LENGTH = 80;

  private VietnameseText() {}

  /**
   * NFC-normalises {@code text} and removes what a reader never means to type: C0 and C1 control
   * characters (tab and line feed are kept), soft hyphens, zero-width spaces and joiners, and stray
   * byte-order marks. Carriage returns are turned into line feeds. Unicode noncharacters ({@code
   * U+FDD0}–{@code U+FDEF}, {@code U+xFFFE}, {@code U+xFFFF}) and lone surrogates go too: HTML
   * forbids them and XML cannot hold them, and they reach a body through character references such
   * as {@code &#xFFFF;}.
   */
  public static String clean(String text) {
    int n = text.length();
    // Read from an array: a string read a character at a time checks every index, and this
    // runs over every article's whole text.
    char[] in = text.toCharArray();
    int first = 0;
    while (first < n && !mayDrop(in[first])) {
      first++;
    }
    String stripped = text;
    if (first < n) {
      char[] out = new char[n];
      System.arraycopy(in, 0, out, 0, first);
      int length = first;
      for (int i = first; i < n; i++) {
        char c = in[i];
        if (!mayDrop(c)) {
          out[length++] = c;
        } else if (c == '\r') {
          if (i + 1 >= n || in[i + 1] != '\n') {
            out[length++] = '\n';
          }
        } else if (Character.isHighSurrogate(c)
            && i + 1 < n
            && Character.isLowSurrogate(in[i + 1])) {
          if (!isInvisible(Character.toCodePoint(c, in[i + 1]))) {
            out[length++] = c;
            out[length++] = in[i + 1];
          }
          i++;
        } else if (!isInvisible(c)) {
          out[length++] = c;
        }
      }
      stripped = new String(out, 0, length);
    }
    // Text of nothing but stable characters (most Vietnamese text) is NFC, and dropping
    // characters leaves only stable ones. The JDK's own check was a twentieth of a build's time.
    for (int i = 0; i < n; i++) {
      if (!isStable(in[i])) {
        return Normalizer.isNormalized(stripped, Normalizer.Form.NFC)
            ? stripped
            : Normalizer.normalize(stripped, Normalizer.Form.NFC);
      }
    }
    return stripped;
  }

  /**
   * Whether {@code c} has NFC quick check Yes and canonical combining class 0 (UAX #15), so that
   * nothing before it can change it, and a string of nothing but such characters is NFC (one
   * followed by a combining mark may not be; the mark is not stable). For the blocks Vietnamese
   * text is written in: below U+0300 (ASCII, Latin-1, ơ, ư, đ, ă), Latin Extended Additional (ạ …
   * ỹ), and the dashes, quotes and ellipsis of General Punctuation. {@code VietnameseTextTest}
   * checks each against the JDK's normalizer.
   */
  static boolean isStable(char c) {
    return c < 0x300 || (c >= 0x1E00 && c <= 0x1EFF) || (c >= 0x2010 && c <= 0x2027);
  }

  /** Whether {@code c} may start something {@link #clean} drops or changes (a quick test). */
  private static boolean mayDrop(char c) {
    return c < 0x20
        ? c != '\n' && c != '\t'
        : c >= 0x7F && (c <= 0x9F || c == '\u00AD' || c >= '\u200B');
  }

  private static boolean isInvisible(int c) {
    if (c < 0x20) {
      return c != '\n' && c != '\t';
    }
    return (c >= 0x7F && c <= 0x9F)
        || c == '\u00AD'
        || (c >= '\u200B' && c <= '\u200F')
        || (c >= '\u202A' && c <= '\u202E')
        || c == '\u2060'
        || c == '\uFEFF'
        || (c >= 0xFDD0 && c <= 0xFDEF)
        || (c & 0xFFFE) == 0xFFFE
        || (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE);
  }

  /**
   * Lower-cases {@code text}, removes the tone and vowel marks and folds {@code đ} to {@code d}:
   * the form in which {@code dai hoi} matches {@code Đại hội}. Other characters are kept.
   */
  public static String fold(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(lower.length());
    String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFD);
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      if (c == 'đ' || c == 'ð') {
        out.append('d');
      } else if (Character.getType(c) != Character.NON_SPACING_MARK) {
        out.append(c);
      }
    }
    return Normalizer.normalize(out, Normalizer.Form.NFC);
  }

  /**
   * {@code text} on one line, cut at the last space before {@code max} characters with " …" added
   * when it is longer: summaries and search excerpts.
   */
  public static String shorten(String text, int max) {
    String flat = flatten(text).strip();
    if (flat.length() <= max) {
      return flat;
    }
    int cut = flat.lastIndexOf(' ', max);
    return flat.substring(0, cut > 0 ? cut : max) + " …";
  }

  /**
   * {@code text.replaceAll("\\s+", " ")}: each run of ASCII white space (space, tab, line feed,
   * vertical tab, form feed, carriage return) as one space. Written out because it runs for every
   * article's excerpt, where compiling the pattern and matching took most of the time.
   */
  static String flatten(String text) {
    int n = text.length();
    char[] in = text.toCharArray();
    char[] out = in;
    int length = 0;
    boolean space = false;
    for (int i = 0; i < n; i++) {
      char c = in[i];
      if (c == ' ' || (c >= '\t' && c <= '\r')) {
        if (!space) {
          out[length++] = ' ';
          space = true;
        }
      } else {
        out[length++] = c;
        space = false;
      }
    }
    return new String(out, 0, length);
  }

  /** A URL slug: folded, ASCII letters and digits joined by single hyphens, cut at a word. */
  public static String slug(String text) {
    return slug(text, MAX_SLUG_LENGTH);
  }

  /** As {@link #slug(String)}, cut at the last word boundary at or before {@code maxLength}. */
  public static String slug(String text, int maxLength) {
    String folded = fold(text);
    StringBuilder out = new StringBuilder(folded.length());
    boolean pendingHyphen = false;
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        if (pendingHyphen && out.length() > 0) {
          out.append('-');
        }
        pendingHyphen = false;
        out.append(c);
      } else {
        pendingHyphen = true;
      }
    }
    if (out.length() <= maxLength) {
      return out.toString();
    }
    int cut = out.lastIndexOf("-", maxLength);
    return cut > 0 ? out.substring(0, cut) : out.substring(0, maxLength);
  }
}
