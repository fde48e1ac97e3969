package vn.luutru.publish;

/** The paths a deploy may touch: relative, {@code /}-separated, inside the target's root. */
final class SitePaths {
  private SitePaths() {}

  /**
   * Whether {@code path} names a file inside the root: relative, no empty, {@code .} or {@code ..}
   * segment, no backslash, tab, line break or other control character, and not luutru's own files
   * on the target.
   */
  static boolean isSafe(String path) {
    if (path.isEmpty() || path.startsWith("/") || path.endsWith("/")) {
      return false;
    }
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\\') {
        return false;
      }
    }
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return false;
      }
    }
    return !path.equals(Manifest.FILE) && !path.equals(Journal.FILE) && !isTemporary(path);
  }

  /** The name a file is written under before it is renamed to {@code path}. */
  static String temporary(String path) {
    int slash = path.lastIndexOf('/');
    return path.substring(0, slash + 1) + "." + path.substring(slash + 1) + TEMPORARY_SUFFIX;
  }

  static boolean isTemporary(String path) {
    return path.endsWith(TEMPORARY_SUFFIX);
  }

  /** The folder holding {@code path}, {@code ""} for the root. */
  static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  private static final String TEMPORARY_SUFFIX = ".luutru-part";
}
