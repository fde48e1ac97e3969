package vn.luutru.site;

import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.luutru.content.Diagnostic;
import vn.luutru.content.Position;
import vn.luutru.image.Picture;

/**
 * The preview server's rendered bodies by article, kept between builds of one folder: each is
 * reused when the body, the image and every address the body looked up are the same as when it was
 * rendered.
 */
public final class BodyCache {
  record Entry(
      String sourcePath,
      int bodyLine,
      Position imageAt,
      String body,
      String image,
      String basePath,
      boolean check,
      Map<String, String> pages,
      Map<String, Boolean> statics,
      Map<String, String> photos,
      Utf8 html,
      String text,
      String imagePath,
      Picture picture,
      Picture thumbnail,
      List<Diagnostic> diagnostics,
      List<BodyLinks.Anchor> anchors,
      Set<String> ids) {}

  final java.util.concurrent.ConcurrentHashMap<String, Entry> entries =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Slugs by title: folding is the costly part of giving 10,000 articles their addresses. */
  final java.util.concurrent.ConcurrentHashMap<String, String> slugs =
      new java.util.concurrent.ConcurrentHashMap<>();
}
