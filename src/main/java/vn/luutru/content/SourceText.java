package vn.luutru.content;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The text of one source file after hygiene ({@link VietnameseText#clean}), with its lines, so that
 * every diagnostic can quote the line it points at. Decoding is strict UTF-8: a file that is not
 * valid UTF-8 is reported at the line and column of its first bad byte.
 */
final class SourceText {
  private final String path;
  private final String text;
  private final int[] lineStarts;

  /**
   * The line last asked for: the diagnostics and positions on one line share its text rather than
   * each copying a long line.
   */
  private Line last = new Line(0, "");

  private record Line(int n, String text) {}

  private SourceText(String path, String text) {
    this.path = path;
    this.text = text;
    int[] starts = new int[64];
    int lines = 1;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      if (lines == starts.length) {
        starts = java.util.Arrays.copyOf(starts, lines * 2);
      }
      starts[lines++] = i + 1;
    }
    this.lineStarts = java.util.Arrays.copyOf(starts, lines);
  }

  static SourceText of(String path, String rawText) {
    String t = rawText.startsWith("\uFEFF") ? rawText.substring(1) : rawText;
    return new SourceText(path, VietnameseText.clean(t));
  }

  /** Files that are not text, told by how they start. */
  private static final List<Signature> SIGNATURES =
      List.of(
          new Signature(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "text.png"),
          new Signature(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, "text.jpeg"),
          new Signature(new byte[] {'G', 'I', 'F', '8'}, "text.gif"),
          new Signature(new byte[] {'%', 'P', 'D', 'F', '-'}, "text.pdf"),
          new Signature(new byte[] {'P', 'K', 3, 4}, "text.zip"),
          new Signature(
              new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0}, "text.old-office"));

  /** A kind of file told by its first bytes, named by the text {@code what}. */
  private record Signature(byte[] start, String what) {
    boolean matches(byte[] bytes) {
      return bytes.length >= start.length
          && java.util.Arrays.equals(bytes, 0, start.length, start, 0, start.length);
    }
  }

  /**
   * Decodes {@code bytes} as UTF-8 (a leading byte-order mark is dropped), or returns the
   * diagnostic that says why they are not an article's text: another kind of file (told by how it
   * starts, or by a NUL byte, which text never has), UTF-16, or the first malformed UTF-8 byte.
   */
  static Decoded decode(String path, byte[] bytes) {
    return decode(path, bytes, Messages.get("text.article"));
  }

  /**
   * As {@link #decode(String, byte[])}; {@code textIs} says what the file should be ("an article is
   * Markdown text saved as UTF-8").
   */
  static Decoded decode(String path, byte[] bytes, String textIs) {
    for (Signature s : SIGNATURES) {
      if (s.matches(bytes)) {
        return failed(
            Diagnostic.error(
                path, 1, 1, Messages.get("text.not-text", Messages.get(s.what()), textIs), ""));
      }
    }
    if (bytes.length >= 2
        && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
            || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
      return failed(Diagnostic.error(path, 1, 1, Messages.get("text.utf16"), ""));
    }
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        return failed(at(path, bytes, i, Messages.get("text.nul", i, textIs)));
      }
    }
    // Valid UTF-8, as nearly every file is, decodes to the same string either way, and the
    // string's own decoding is the faster; it turns malformed bytes into U+FFFD, so only a
    // file whose string has one is decoded again, strictly, to tell where.
    String quick = new String(bytes, StandardCharsets.UTF_8);
    if (quick.indexOf('\uFFFD') < 0) {
      return new Decoded(Optional.of(of(path, quick)), Optional.empty());
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int bad = in.position();
      return failed(at(path, bytes, bad, Messages.get("text.bad-utf8", bytes[bad] & 0xFF, bad)));
    }
    try {
      decoder.flush(out);
    } catch (IllegalStateException e) {
      throw new AssertionError(e);
    }
    out.flip();
    return new Decoded(Optional.of(of(path, out.toString())), Optional.empty());
  }

  private static Decoded failed(Diagnostic d) {
    return new Decoded(Optional.empty(), Optional.of(d));
  }

  /**
   * An error at byte {@code offset}, placed as every other diagnostic is: by line and column of the
   * cleaned text (a lone CR ends a line, columns count NFC characters), quoting the line up to that
   * byte so that the caret stands just after the last good character.
   */
  private static Diagnostic at(String path, byte[] bytes, int offset, String message) {
    String before = VietnameseText.clean(new String(bytes, 0, offset, StandardCharsets.UTF_8));
    int lineStart = before.lastIndexOf('\n') + 1;
    int line = 1;
    for (int i = 0; i < lineStart; i++) {
      if (before.charAt(i) == '\n') {
        line++;
      }
    }
    String shown = before.substring(lineStart);
    return Diagnostic.error(
        path, line, shown.codePointCount(0, shown.length()) + 1, message, shown);
  }

  record Decoded(Optional<SourceText> text, Optional<Diagnostic> error) {}

  String path() {
    return path;
  }

  String text() {
    return text;
  }

  int lineCount() {
    return lineStarts.length;
  }

  /** Line {@code n} (1-based) without its line feed; empty past the end. */
  String line(int n) {
    if (n < 1 || n > lineStarts.length) {
      return "";
    }
    Line l = last;
    if (l.n() != n) {
      int start = lineStarts[n - 1];
      int end = n < lineStarts.length ? lineStarts[n] - 1 : text.length();
      l = new Line(n, text.substring(start, end));
      last = l;
    }
    return l.text();
  }

  /** The offset of the start of line {@code n} (1-based). */
  int lineStart(int n) {
    return lineStarts[n - 1];
  }

  Diagnostic error(int line, int column, String message) {
    return Diagnostic.error(path, line, column, message, line(line));
  }

  Diagnostic warning(int line, int column, String message) {
    return Diagnostic.warning(path, line, column, message, line(line));
  }
}
