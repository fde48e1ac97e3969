package vn.luutru.importer;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A saved page's bytes read as text, and how: its byte-order mark, else the encoding it declares
 * ({@code <meta charset>}, {@code http-equiv}, {@code <?xml encoding>}), else UTF-8, else
 * windows-1258, the first that reads every byte. Old Vietnamese sites often declare nothing, or
 * UTF-8 over windows-1258 bytes; a guess is a note for the user to check, and bytes that none of
 * them reads are an error at their line and column, never replacement characters written silently.
 *
 * <pre>{@code
 * PageText t = PageText.decode(Files.readAllBytes(page));
 * t.encoding();   // "windows-1258"
 * t.notes();      // ["declares UTF-8, but its text is not UTF-8; it was read as windows-1258: …"]
 * }</pre>
 *
 * @param text the page, empty when {@code problem} is present
 * @param encoding the encoding it was read in
 * @param notes what the user should check
 * @param problem why it could not be read, at which line and column (1-based)
 */
record PageText(String text, String encoding, List<String> notes, Optional<Problem> problem) {
  PageText {
    notes = List.copyOf(notes);
  }

  /** Where the bytes no encoding reads begin, and what to do. */
  record Problem(int line, int column, String message) {}

  static final Charset WINDOWS_1258 = Charset.forName("windows-1258");

  /**
   * The HTML standard's prescan looks at 1,024 bytes; pages saved by old browsers put long comments
   * first.
   */
  private static final int PRESCAN = 8192;

  private static final Pattern META =
      Pattern.compile("(?i)<meta\\b[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)");
  private static final Pattern XML =
      Pattern.compile("(?i)^\\s*<\\?xml\\b[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)");

  /**
   * Fonts of the legacy Vietnamese encodings: TCVN3 (ABC) .VnTime, .VnArial…; VNI-Times,
   * VNI-Helve….
   */
  private static final Pattern LEGACY_FONT =
      Pattern.compile(
          "(?i)(face\\s*=\\s*[\"']?|font-family\\s*:[^;\"'>]{0,200}?[\"']?)"
              + "\\s*(\\.Vn[A-Za-z]+|VNI[- ][A-Za-z]+)");

  static PageText decode(byte[] bytes) {
    List<String> notes = new ArrayList<>();
    Optional<Charset> bom = bom(bytes);
    if (bom.isPresent()) {
      int skip = bom.get() == StandardCharsets.UTF_8 ? 3 : 2;
      return read(bytes, skip, bom.get(), notes, Messages.get("text.bom", bom.get().name()));
    }
    String head =
        new String(bytes, 0, Math.min(bytes.length, PRESCAN), StandardCharsets.ISO_8859_1);
    Optional<String> declaredName = declared(head);
    Optional<Charset> declared = Optional.empty();
    if (declaredName.isPresent()) {
      try {
        declared = Optional.of(Charset.forName(declaredName.get()));
      } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
        notes.add(Messages.get("text.unknown-encoding", declaredName.get()));
      }
    }
    Matcher legacy = LEGACY_FONT.matcher(new String(bytes, StandardCharsets.ISO_8859_1));
    if (legacy.find()) {
      int[] at = lineColumn(bytes, legacy.start(2), StandardCharsets.ISO_8859_1);
      boolean vni = legacy.group(2).toUpperCase(Locale.ROOT).startsWith("VNI");
      return failed(
          at,
          Messages.get(
              "text.legacy-font",
              legacy.group(2),
              vni ? "VNI" : "TCVN3 (ABC)",
              vni ? "VNI Windows" : "TCVN3 (ABC)"),
          notes);
    }
    Set<Charset> tries = new LinkedHashSet<>();
    declared.ifPresent(tries::add);
    boolean westernDeclared =
        declared.isPresent()
            && Set.of("ISO-8859-1", "windows-1252", "US-ASCII").contains(declared.get().name());
    if (westernDeclared
        && hasHighBytes(bytes)
        && strict(bytes, 0, StandardCharsets.UTF_8).isPresent()) {
      // Latin-1 reads any bytes, so it is no test; text that is UTF-8 throughout is UTF-8.
      tries.add(StandardCharsets.UTF_8);
      tries.remove(declared.get());
    }
    tries.add(StandardCharsets.UTF_8);
    tries.add(WINDOWS_1258);
    for (Charset c : tries) {
      Optional<String> text = strict(bytes, 0, c);
      if (text.isPresent()) {
        if (declared.isPresent() && !c.equals(declared.get())) {
          notes.add(
              Messages.get(
                  "text.not-declared", declared.get().name(), declared.get().name(), c.name()));
        } else if (declaredName.isEmpty() && !c.equals(StandardCharsets.UTF_8)) {
          notes.add(Messages.get("text.undeclared", c.name()));
        } else if (declared.isEmpty() && declaredName.isPresent()) {
          notes.add(Messages.get("text.read-as", c.name()));
        }
        return checked(text.get(), c, notes);
      }
    }
    Charset first = tries.iterator().next();
    int[] at = lineColumn(bytes, firstBad(bytes, first), first);
    List<String> names = tries.stream().map(Charset::name).toList();
    return failed(
        at,
        Messages.get(
            "text.unreadable", String.join(Messages.get("text.encodings-separator"), names)),
        notes);
  }

  private static PageText read(byte[] bytes, int skip, Charset c, List<String> notes, String why) {
    Optional<String> text = strict(bytes, skip, c);
    if (text.isPresent()) {
      return checked(text.get(), c, notes);
    }
    int[] at = lineColumn(bytes, firstBad(bytes, c), c);
    return failed(at, Messages.get("text.unreadable-because", why, c.name()), notes);
  }

  /** The text read, with an error where it holds U+FFFD: letters lost before the page was saved. */
  private static PageText checked(String text, Charset c, List<String> notes) {
    int bad = text.indexOf('\uFFFD');
    if (bad < 0) {
      return new PageText(text, c.name(), notes, Optional.empty());
    }
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < bad; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    int column = text.codePointCount(lineStart, bad) + 1;
    long count = text.chars().filter(ch -> ch == '\uFFFD').count();
    return new PageText(
        text,
        c.name(),
        notes,
        Optional.of(new Problem(line, column, Messages.get("text.replacement", count))));
  }

  private static PageText failed(int[] at, String message, List<String> notes) {
    return new PageText("", "", notes, Optional.of(new Problem(at[0], at[1], message)));
  }

  static Optional<String> declared(String head) {
    Matcher xml = XML.matcher(head);
    if (xml.find()) {
      return Optional.of(xml.group(1));
    }
    Matcher m = META.matcher(head);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  private static Optional<Charset> bom(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
      return Optional.of(StandardCharsets.UTF_8);
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
      return Optional.of(StandardCharsets.UTF_16BE);
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
      return Optional.of(StandardCharsets.UTF_16LE);
    }
    return Optional.empty();
  }

  private static boolean hasHighBytes(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return true;
      }
    }
    return false;
  }

  private static CharsetDecoder decoder(Charset c) {
    return c.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  private static Optional<String> strict(byte[] bytes, int skip, Charset c) {
    try {
      return Optional.of(
          decoder(c).decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip)).toString());
    } catch (java.nio.charset.CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /** The offset of the first byte {@code c} does not read. */
  private static int firstBad(byte[] bytes, Charset c) {
    CharsetDecoder d = decoder(c);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(8192);
    while (true) {
      CoderResult r = d.decode(in, out, true);
      if (r.isError()) {
        return in.position();
      }
      if (r.isUnderflow()) {
        return bytes.length;
      }
      out.clear();
    }
  }

  /**
   * The 1-based line and column (in characters as {@code c} reads the line) of byte {@code offset}.
   */
  private static int[] lineColumn(byte[] bytes, int offset, Charset c) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    String before =
        new String(bytes, lineStart, Math.max(0, Math.min(offset, bytes.length) - lineStart), c);
    return new int[] {line, before.codePointCount(0, before.length()) + 1};
  }
}
