package vn.luutru.content;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One article as its source file says it: front matter typed and cleaned, the Markdown body
 * unparsed. {@code sourcePath} is the file as the user named it (the content folder they gave, then
 * the file), used in diagnostics; {@code contentPath} is relative to the content folder, with
 * {@code /} separators, and decides ties. Absent text values are empty strings. {@code positions}
 * maps front matter keys ({@code title}, {@code slug}, {@code aliases.0}, …) to where they stand,
 * for diagnostics found after parsing.
 */
public record Article(
    String sourcePath,
    String contentPath,
    String title,
    OffsetDateTime date,
    Optional<OffsetDateTime> lastmod,
    String summary,
    String source,
    String sourceUrl,
    String author,
    List<String> categories,
    List<String> tags,
    Optional<Figure> image,
    boolean draft,
    Optional<String> slug,
    List<String> aliases,
    int weight,
    Optional<Congress> congress,
    String body,
    int bodyLine,
    Map<String, Position> positions) {

  public Article {
    categories = List.copyOf(categories);
    tags = List.copyOf(tags);
    aliases = List.copyOf(aliases);
    positions = Map.copyOf(positions);
  }

  /**
   * This article without its Markdown, for a build that has rendered it: a build reads each body
   * once, and keeping it would hold the archive's text twice until the last page is written.
   */
  public Article withoutBody() {
    return new Article(
        sourcePath,
        contentPath,
        title,
        date,
        lastmod,
        summary,
        source,
        sourceUrl,
        author,
        categories,
        tags,
        image,
        draft,
        slug,
        aliases,
        weight,
        congress,
        "",
        bodyLine,
        positions);
  }

  /** Where front matter key {@code key} stands, or the file itself when it is not there. */
  public Position position(String key) {
    return positions.getOrDefault(key, positions.getOrDefault("title", Position.FILE));
  }

  /** The folder of the source file, relative to the content folder ({@code ""} at its top). */
  public String sourceFolder() {
    int slash = contentPath.lastIndexOf('/');
    return slash < 0 ? "" : contentPath.substring(0, slash);
  }
}
