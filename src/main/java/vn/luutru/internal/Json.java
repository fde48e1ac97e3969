package vn.luutru.internal;

import java.util.List;
import java.util.Map;

/**
 * Writes JSON for JSON-LD blocks from maps, lists and strings, in insertion order. Escapes {@code
 * <}, {@code >} and {@code &} too, so the output is safe inside a {@code <script>}.
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
        throw new IllegalArgumentException(Texts.get(Json.class, "json.unordered"));
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

  /** A string, escaped; runs of characters that need no escape are copied at once. */
  private static void string(String v, StringBuilder s) {
    s.append('"');
    int n = v.length();
    int from = 0;
    for (int i = 0; i < n; i++) {
      char c = v.charAt(i);
      String escape =
          switch (c) {
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case '<', '>', '&', '\u2028', '\u2029' -> "";
            default -> c < 0x20 ? "" : null;
          };
      if (escape == null) {
        continue;
      }
      s.append(v, from, i);
      from = i + 1;
      if (escape.isEmpty()) {
        s.append("\\u")
            .append(HEX[c >> 12])
            .append(HEX[c >> 8 & 0xF])
            .append(HEX[c >> 4 & 0xF])
            .append(HEX[c & 0xF]);
      } else {
        s.append(escape);
      }
    }
    s.append(v, from, n);
    s.append('"');
  }

  private static final char[] HEX = "0123456789abcdef".toCharArray();
}
