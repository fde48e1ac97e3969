package vn.luutru.render;

import io.pebbletemplates.pebble.extension.writer.SpecializedWriter;
import java.io.Writer;
import java.util.Arrays;
import vn.luutru.site.Utf8;

/**
 * Where a template renders a page: its characters go straight into UTF-8 bytes, and an {@link
 * Utf8Html} printed as it is (an article's body) is copied in as the bytes it already is.
 *
 * <p>Kept for what it is worth: more than 5 % of a build at 10,000 articles (docs/benchmarks.md,
 * "What the hand-written code is worth").
 *
 * <p>The bytes are exactly those of {@code String.getBytes(UTF_8)} on everything written, in one
 * string: a surrogate pair split between two writes is one character, and a surrogate without its
 * other half is {@code ?}. Not thread-safe: one writer per page.
 */
public final class PageWriter extends Writer implements SpecializedWriter {
  private byte[] bytes;
  private int size;

  /** A high surrogate written last, waiting for its low half; 0 when none. */
  private char high;

  private final char[] chars = new char[1024];

  public PageWriter(int capacity) {
    bytes = new byte[Math.max(16, capacity)];
  }

  /**
   * The page so far, as UTF-8. A high surrogate still waiting for its other half is a {@code ?}.
   */
  public byte[] toByteArray() {
    byte[] out = Arrays.copyOf(bytes, size + (high != 0 ? 1 : 0));
    if (high != 0) {
      out[size] = '?';
    }
    return out;
  }

  @Override
  public void write(Object var) {
    if (var instanceof Utf8Html html) {
      Utf8 b = html.utf8();
      if (b.length() == 0) {
        return;
      }
      // Valid UTF-8 does not begin with the other half of a surrogate.
      lone();
      room(b.length());
      b.copyTo(bytes, size);
      size += b.length();
    } else {
      SpecializedWriter.super.write(var);
    }
  }

  @Override
  public void write(int c) {
    room(4);
    put((char) c);
  }

  @Override
  public void write(char[] cbuf, int off, int len) {
    java.util.Objects.checkFromIndexSize(off, len, cbuf.length);
    encode(cbuf, off, len);
  }

  @Override
  public void write(String s, int off, int len) {
    java.util.Objects.checkFromIndexSize(off, len, s.length());
    while (len > 0) {
      int n = Math.min(len, chars.length);
      s.getChars(off, off + n, chars, 0);
      encode(chars, 0, n);
      off += n;
      len -= n;
    }
  }

  @Override
  public void write(String s) {
    write(s, 0, s.length());
  }

  @Override
  public Writer append(CharSequence csq) {
    String s = String.valueOf(csq);
    write(s, 0, s.length());
    return this;
  }

  @Override
  public Writer append(CharSequence csq, int start, int end) {
    String s = (csq == null ? "null" : csq).subSequence(start, end).toString();
    write(s, 0, s.length());
    return this;
  }

  @Override
  public Writer append(char c) {
    write(c);
    return this;
  }

  @Override
  public void writeSpecialized(int i) {
    write(String.valueOf(i));
  }

  @Override
  public void writeSpecialized(long l) {
    write(String.valueOf(l));
  }

  @Override
  public void writeSpecialized(double d) {
    write(String.valueOf(d));
  }

  @Override
  public void writeSpecialized(float f) {
    write(String.valueOf(f));
  }

  @Override
  public void writeSpecialized(short s) {
    write(String.valueOf(s));
  }

  @Override
  public void writeSpecialized(byte b) {
    write(String.valueOf(b));
  }

  @Override
  public void writeSpecialized(char c) {
    write(c);
  }

  @Override
  public void writeSpecialized(String s) {
    write(s, 0, s.length());
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}

  private void encode(char[] c, int off, int len) {
    room(len * 3L + 1);
    byte[] b = bytes;
    int end = off + len;
    int i = off;
    while (high != 0 && i < end) {
      put(c[i++]);
    }
    int n = size;
    while (i < end) {
      char ch = c[i++];
      if (ch < 0x80) {
        b[n++] = (byte) ch;
      } else if (ch < 0x800) {
        b[n++] = (byte) (0xC0 | ch >> 6);
        b[n++] = (byte) (0x80 | ch & 0x3F);
      } else if (!Character.isSurrogate(ch)) {
        b[n++] = (byte) (0xE0 | ch >> 12);
        b[n++] = (byte) (0x80 | ch >> 6 & 0x3F);
        b[n++] = (byte) (0x80 | ch & 0x3F);
      } else {
        // A surrogate, and while it waits for its other half, what follows it.
        size = n;
        put(ch);
        while (high != 0 && i < end) {
          put(c[i++]);
        }
        n = size;
      }
    }
    size = n;
  }

  /** One character, a surrogate paired with the one before when it can be; room is made. */
  private void put(char ch) {
    byte[] b = bytes;
    int n = size;
    if (high != 0) {
      if (Character.isLowSurrogate(ch)) {
        int cp = Character.toCodePoint(high, ch);
        high = 0;
        b[n++] = (byte) (0xF0 | cp >> 18);
        b[n++] = (byte) (0x80 | cp >> 12 & 0x3F);
        b[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
        b[n++] = (byte) (0x80 | cp & 0x3F);
        size = n;
        return;
      }
      high = 0;
      b[n++] = '?';
    }
    if (Character.isHighSurrogate(ch)) {
      high = ch;
    } else if (Character.isLowSurrogate(ch)) {
      b[n++] = '?';
    } else if (ch < 0x80) {
      b[n++] = (byte) ch;
    } else if (ch < 0x800) {
      b[n++] = (byte) (0xC0 | ch >> 6);
      b[n++] = (byte) (0x80 | ch & 0x3F);
    } else {
      b[n++] = (byte) (0xE0 | ch >> 12);
      b[n++] = (byte) (0x80 | ch >> 6 & 0x3F);
      b[n++] = (byte) (0x80 | ch & 0x3F);
    }
    size = n;
  }

  /** A high surrogate left waiting before bytes that cannot complete it is a {@code ?}. */
  private void lone() {
    if (high != 0) {
      room(1);
      high = 0;
      bytes[size++] = '?';
    }
  }

  /** Room for {@code more} bytes, and 4 for a character and a lone surrogate before it. */
  private void room(long more) {
    long need = size + more + 4;
    if (need > bytes.length) {
      if (need > Integer.MAX_VALUE - 8) {
        throw new OutOfMemoryError(Messages.get("render.page-too-large"));
      }
      bytes =
          Arrays.copyOf(
              bytes, (int) Math.max(need, Math.min(Integer.MAX_VALUE - 8, 2L * bytes.length)));
    }
  }
}
