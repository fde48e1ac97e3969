package vn.luutru.content;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The text of one source file after hygiene ({@link VietnameseText#clean}), with its lines, so
 * that every diagnostic can quote the line it points at. Decoding is strict UTF-8: a file
 * that is not valid UTF-8 is reported at the line and column of its first bad byte.
 */
final class SourceText {
  private final String path;
  private final String text;
  private final int[] lineStarts;

  private SourceText(String path, String text) {
    this.path = path;
    this.text = text;
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
    this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
  }

  static SourceText of(String path, String rawText) {
    String t = rawText.startsWith("\uFEFF") ? rawText.substring(1) : rawText;
    return new SourceText(path, VietnameseText.clean(t));
  }

  /**
   * Decodes {@code bytes} as UTF-8 (a leading byte-order mark is dropped), or returns the
   * diagnostic for the first malformed byte.
   */
  static Decoded decode(String path, byte[] bytes) {
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
      String before = new String(bytes, 0, bad, StandardCharsets.UTF_8);
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < before.length(); i++) {
        if (before.charAt(i) == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      String prefix = before.substring(lineStart);
      int column = prefix.codePointCount(0, prefix.length()) + 1;
      String shown = VietnameseText.clean(prefix);
      return new Decoded(
          Optional.empty(),
          Optional.of(
              Diagnostic.error(
                  path,
                  line,
                  column,
                  String.format(
                      "not valid UTF-8: byte 0x%02X at offset %d; save the file as UTF-8",
                      bytes[bad] & 0xFF, bad),
                  shown)));
    }
    try {
      decoder.flush(out);
    } catch (IllegalStateException e) {
      throw new AssertionError(e);
    }
    out.flip();
    return new Decoded(Optional.of(of(path, out.toString())), Optional.empty());
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
    int start = lineStarts[n - 1];
    int end = n < lineStarts.length ? lineStarts[n] - 1 : text.length();
    return text.substring(start, end);
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
