package vn.luutru.output;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A build of the output it is given, killed (as {@code kill -9} would) once it has staged a file.
 */
public final class UpdateHalter {
  public static void main(String[] args) throws Exception {
    SiteWriter w = SiteWriter.updating(Path.of(args[0]));
    w.write("a.html", "mới".getBytes(StandardCharsets.UTF_8));
    System.out.println("written");
    System.out.flush();
    Runtime.getRuntime().halt(1);
  }
}
