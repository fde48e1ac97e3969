package vn.luutru.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.luutru.content.SitePath;
import vn.luutru.image.Picture;

/**
 * The thumbnails search results show, written in as few bytes as a document's file allows, since a
 * query fetches ten of those files.
 *
 * <p>A thumbnail's files are named {@code <prefix><width>x<height><suffix>}: {@code
 * 2023/05/anh/dai-hoi-240x160.jpg}, {@code …-360x240.jpg}, {@code …-480x320.jpg}. The sizes most
 * photos of the site have are written once, in {@code index.json} ({@code "thumbs":
 * [[240,160],[360,240],[480,320]]}); a document writes {@code "thumb": [prefix, suffix, w, h, …]},
 * leaving out the suffix when it is {@code .jpg} and the sizes when they are those of {@code
 * index.json}, so that most documents write only {@code ["2023/05/anh/dai-hoi-"]}. Addresses are
 * relative to the site's root and percent-encoded.
 */
final class ResultThumbnails {
  static final String DEFAULT_SUFFIX = ".jpg";

  /** A thumbnail's size in pixels. */
  record Dimensions(int width, int height) {
    String text() {
      return width + "x" + height;
    }
  }

  private final List<Dimensions> common;

  private ResultThumbnails(List<Dimensions> common) {
    this.common = List.copyOf(common);
  }

  /** The thumbnails of {@code pictures}, the sizes most of them share written once. */
  static ResultThumbnails of(List<Optional<Picture>> pictures) {
    Map<List<Dimensions>, Integer> counts = new LinkedHashMap<>();
    for (Optional<Picture> p : pictures) {
      p.ifPresent(picture -> counts.merge(dimensions(picture), 1, Integer::sum));
    }
    List<Dimensions> most = List.of();
    int best = 0;
    for (Map.Entry<List<Dimensions>, Integer> e : counts.entrySet()) {
      if (e.getValue() > best) {
        most = e.getKey();
        best = e.getValue();
      }
    }
    return new ResultThumbnails(most);
  }

  /**
   * What {@code index.json} holds as {@code thumbs}: the sizes most thumbnails have, as {@code
   * [width, height]} pairs, narrowest first; empty when no document has a thumbnail.
   */
  List<List<Integer>> common() {
    return common.stream().map(d -> List.of(d.width(), d.height())).toList();
  }

  /**
   * What a document's file holds as {@code thumb} for {@code picture}; empty when its files are not
   * named {@code <prefix><width>x<height><suffix>}, as {@link vn.luutru.image.Photos} names them.
   */
  Optional<List<Object>> entry(Picture picture) {
    List<Picture.Size> thumbs = picture.thumbs();
    String first = new SitePath(thumbs.get(0).path()).encoded();
    String size = dimensions(thumbs.get(0)).text();
    int at = first.lastIndexOf(size);
    if (at < 0) {
      return Optional.empty();
    }
    String prefix = first.substring(0, at);
    String suffix = first.substring(at + size.length());
    for (Picture.Size s : thumbs) {
      if (!new SitePath(s.path()).encoded().equals(prefix + dimensions(s).text() + suffix)) {
        return Optional.empty();
      }
    }
    List<Object> entry = new ArrayList<>();
    entry.add(prefix);
    if (!suffix.equals(DEFAULT_SUFFIX)) {
      entry.add(suffix);
    }
    List<Dimensions> own = dimensions(picture);
    if (!own.equals(common)) {
      for (Dimensions d : own) {
        entry.add(d.width());
        entry.add(d.height());
      }
    }
    return Optional.of(List.copyOf(entry));
  }

  private static List<Dimensions> dimensions(Picture picture) {
    return picture.thumbs().stream().map(ResultThumbnails::dimensions).toList();
  }

  private static Dimensions dimensions(Picture.Size s) {
    return new Dimensions(s.width(), s.height());
  }
}
