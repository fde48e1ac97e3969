package vn.luutru.render;

import java.io.IOException;

/** Where rendered files go, by path relative to the site root. Must be thread-safe. */
@FunctionalInterface
public interface PageSink {
  void write(String file, byte[] content) throws IOException;
}
