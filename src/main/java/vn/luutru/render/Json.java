package vn.luutru.render;

import java.util.List;
import java.util.Map;

/**
 * Writes JSON for JSON-LD blocks from maps, lists and strings, in insertion order. Escapes
 * {@code <}, {@code >} and {@code &} too, so the output is safe inside a {@code <script>}.
 */
public final class Json {
  private Json() {}

  public static String write(Object value) {
    StringBuilder s = new StringBuilder();
    write(value, s);
    return s.toString();
  }

  private static void write(Object value, StringBuilder s) {
    if (value instanceof Map<?, ?> map) {
      if (!(map instanceof java.util.LinkedHashMap) && map.size() > 1) {
        throw new IllegalArgumentException("JSON objects must keep their order: use a LinkedHashMap");
      }
      s.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!first) {
          s.append(',');
        }
        first = false;
        string(String.valueOf(e.getKey()), s);
        s.append(':');
        write(e.getValue(), s);
      }
      s.append('}');
    } else if (value instanceof List<?> list) {
      s.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          s.append(',');
        }
        write(list.get(i), s);
      }
      s.append(']');
    } else if (value instanceof Number || value instanceof Boolean) {
      s.append(value);
    } else {
      string(String.valueOf(value), s);
    }
  }

  private static void string(String v, StringBuilder s) {
    s.append('"');
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      switch (c) {
        case '"' -> s.append("\\\"");
        case '\\' -> s.append("\\\\");
        case '\n' -> s.append("\\n");
        case '\r' -> s.append("\\r");
        case '\t' -> s.append("\\t");
        case '<', '>', '&', '\u2028', '\u2029' -> s.append(String.format("\\u%04x", (int) c));
        default -> {
          if (c < 0x20) {
            s.append(String.format("\\u%04x", (int) c));
          } else {
            s.append(c);
          }
        }
      }
    }
    s.append('"');
  }
}
