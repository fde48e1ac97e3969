package vn.luutru.internal;

import java.util.Arrays;

/** A growable byte buffer with the index's primitive, the unsigned LEB128 varint. */
public final class ByteWriter {
  private byte[] buf;
  private int size;

  public ByteWriter(int capacity) {
    buf = new byte[Math.max(16, capacity)];
  }

  public void varint(int value) {
    int v = value;
    while ((v & ~0x7F) != 0) {
      put((byte) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    put((byte) v);
  }

  public void put(byte b) {
    if (size == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    buf[size++] = b;
  }

  public void bytes(byte[] b, int off, int len) {
    if (size + len > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + len));
    }
    System.arraycopy(b, off, buf, size, len);
    size += len;
  }

  public void reset() {
    size = 0;
  }

  public int size() {
    return size;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }
}
