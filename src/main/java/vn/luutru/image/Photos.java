package vn.luutru.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import vn.luutru.content.SitePath;

/**
 * The photos of one content folder, as the pages of a build use them. {@link #lookup} answers what
 * an image address of an article leads to: a {@link Picture} with its renditions, or why the file
 * cannot be published. A build ({@link #forBuild}) makes every rendition when a photo is first
 * looked up, in the thread that asks (the bodies are rendered in parallel, so photos are too), and
 * {@link #publish} writes them; the preview ({@link #forPreview}) reads only headers, and makes a
 * rendition when a page first asks for it ({@link #rendition}). Thread-safe.
 *
 * <pre>{@code
 * Photos photos = Photos.forBuild(ImageSettings.DEFAULT, contentDir, Optional.of(cacheDir), "/");
 * photos.lookup("2020/01/anh/dai-hoi.jpg");  // Found(picture, warnings) or Refused(message)
 * }</pre>
 */
public final class Photos {
  /** Larger files are refused unread: no camera's JPEG is this large. */
  static final long MAX_FILE_BYTES = 200L << 20;

  private final ImageSettings settings;
  private final Path contentDir;
  private final ImageCache cache;
  private final String basePath;
  private final boolean eager;
  private final Map<String, CompletableFuture<Entry>> entries = new ConcurrentHashMap<>();

  /** A rendition's source, by its path in the site. */
  private final Map<String, Made> renditions = new ConcurrentHashMap<>();

  private record Entry(long size, long modified, Lookup lookup) {}

  private record Made(String source, String sha, Probe probe, Spec spec, String key) {}

  private Photos(
      ImageSettings settings,
      Path contentDir,
      Optional<Path> cacheDir,
      String basePath,
      boolean eager) {
    this.settings = settings;
    this.contentDir = contentDir;
    this.cache = ImageCache.in(cacheDir);
    this.basePath = basePath;
    this.eager = eager;
  }

  /** For a build: renditions made when looked up; cached in {@code cacheDir} when given. */
  public static Photos forBuild(
      ImageSettings settings, Path contentDir, Optional<Path> cacheDir, String basePath) {
    return new Photos(settings, contentDir, cacheDir, basePath, true);
  }

  /** For the preview: headers read when looked up, renditions made when asked for. */
  public static Photos forPreview(
      ImageSettings settings, Path contentDir, Optional<Path> cacheDir, String basePath) {
    return new Photos(settings, contentDir, cacheDir, basePath, false);
  }

  public ImageSettings settings() {
    return settings;
  }

  /**
   * Whether a file so named is one whose uses are published as renditions (JPEG, PNG, HEIC, RAW).
   */
  public static boolean isPhoto(String name) {
    return PhotoFormat.isPhotoName(name);
  }

  /** Whether {@code sitePath} has the shape of a rendition's name ({@code …-960.jpg}). */
  public static boolean isPhotoRendition(String sitePath) {
    return RENDITION.matcher(sitePath).matches();
  }

  private static final java.util.regex.Pattern RENDITION =
      java.util.regex.Pattern.compile(".*-\\d+(x\\d+(-f\\d+-\\d+)?)?\\.(jpg|png)");

  /** What looking up a photo answers. */
  public sealed interface Lookup {
    /** A string that changes whenever the markup of the photo would. */
    String fingerprint();
  }

  /** A photo published as {@code picture}; {@code warnings} say what the user should fix. */
  public record Found(Picture picture, List<String> warnings) implements Lookup {
    public Found {
      warnings = List.copyOf(warnings);
    }

    @Override
    public String fingerprint() {
      return picture.toString() + warnings;
    }
  }

  /** A photo that cannot be published; the message follows its name. */
  public record Refused(String message) implements Lookup {
    @Override
    public String fingerprint() {
      return "!" + message;
    }
  }

  /**
   * What the photo {@code contentPath} (a path of the content folder, as {@link SitePath} gives it)
   * is published as, its thumbnails cropped around the centre; or, given a {@link #key} with a
   * focus point, around that point. Looked up once per build for each version of the file.
   */
  public Lookup lookup(String contentPath) {
    int cut = contentPath.indexOf('\u0000');
    if (cut >= 0) {
      String[] xy = contentPath.substring(cut + 1).split(",");
      return lookup(
          contentPath.substring(0, cut), Integer.parseInt(xy[0]), Integer.parseInt(xy[1]));
    }
    return lookup(contentPath, 50, 50);
  }

  /** What {@link #lookup(String)} takes for a photo whose thumbnails crop around a point. */
  public static String key(String contentPath, int focusX, int focusY) {
    return focusX == 50 && focusY == 50
        ? contentPath
        : contentPath + "\u0000" + focusX + "," + focusY;
  }

  /**
   * As {@link #lookup(String)}, the thumbnails cropped around ({@code focusX}, {@code focusY}), in
   * hundredths of the photo's width and height.
   */
  public Lookup lookup(String contentPath, int focusX, int focusY) {
    Path file = contentDir.resolve(contentPath);
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      return new Refused(Messages.get("photo.unreadable", reason(e)));
    }
    long size = a.size();
    long modified = a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
    String key = key(contentPath, focusX, focusY);
    while (true) {
      CompletableFuture<Entry> mine = new CompletableFuture<>();
      CompletableFuture<Entry> theirs = entries.putIfAbsent(key, mine);
      if (theirs != null) {
        Entry e = theirs.join();
        if (e.size() == size && e.modified() == modified) {
          return e.lookup();
        }
        entries.remove(key, theirs); // the file changed since: looked up again
        continue;
      }
      Lookup l;
      try {
        l = compute(contentPath, file, size, modified, focusX, focusY);
      } catch (RuntimeException | Error e) {
        mine.completeExceptionally(e);
        entries.remove(key, mine);
        throw e;
      }
      if (l instanceof Found) {
        found.add(contentPath);
      }
      mine.complete(new Entry(size, modified, l));
      return l;
    }
  }

  /** The photos found so far, by path in the content folder. */
  private final java.util.Set<String> found = ConcurrentHashMap.newKeySet();

  private Lookup compute(
      String contentPath, Path file, long size, long modified, int focusX, int focusY) {
    try {
      Optional<ImageCache.Known> known = cache.known(contentPath, size, modified);
      byte[] bytes = null;
      ImageCache.Known k;
      if (known.isPresent()) {
        k = known.get();
      } else {
        if (size > MAX_FILE_BYTES) {
          return new Refused(
              Messages.get("photo.too-large-file", size >> 20, MAX_FILE_BYTES >> 20));
        }
        bytes = read(file);
        Probe probe = Renditions.probe(bytes, contentPath, settings);
        k = new ImageCache.Known(size, modified, sha256(bytes), probe);
      }
      Probe probe = k.probe();
      List<Spec> widths = Spec.widths(probe.shownWidth(), probe.shownHeight(), settings);
      List<Spec> thumbs =
          Spec.thumbnails(probe.shownWidth(), probe.shownHeight(), settings, focusX, focusY);
      List<Spec> all = new ArrayList<>(widths);
      all.addAll(thumbs);
      List<String> warnings = new ArrayList<>(probe.warnings());
      Map<Spec, String> keys = new TreeMap<>(java.util.Comparator.comparing(Spec::suffix));
      for (Spec s : all) {
        keys.put(
            s, k.sha() + "-" + settings.encodingKey() + "-" + s.suffix() + "." + probe.extension());
      }
      List<Spec> missing =
          eager ? all.stream().filter(x -> !cache.has(keys.get(x))).toList() : List.of();
      if (!missing.isEmpty()) {
        if (bytes == null) {
          bytes = read(file);
        }
        Renditions.Made made = Renditions.make(bytes, probe, missing, settings.quality());
        for (Map.Entry<Spec, byte[]> e : made.files().entrySet()) {
          cache.put(keys.get(e.getKey()), e.getValue());
        }
        if (!made.warnings().isEmpty()) {
          warnings.addAll(made.warnings());
          probe =
              new Probe(
                  probe.format(),
                  probe.width(),
                  probe.height(),
                  probe.orientation(),
                  probe.alpha(),
                  warnings);
        }
      }
      cache.remember(contentPath, new ImageCache.Known(size, modified, k.sha(), probe));
      Picture picture =
          new Picture(
              sizes(contentPath, widths, k.sha(), probe, keys),
              sizes(contentPath, thumbs, k.sha(), probe, keys));
      return new Found(picture, probe.warnings().stream().map(Messages::text).toList());
    } catch (PhotoProblem p) {
      return new Refused(p.getMessage());
    } catch (NoSuchFileException e) {
      return new Refused(Messages.get("photo.gone"));
    } catch (IOException e) {
      return new Refused(Messages.get("photo.unreadable", reason(e)));
    } catch (OutOfMemoryError e) {
      return new Refused(Messages.get("photo.out-of-memory"));
    }
  }

  private List<Picture.Size> sizes(
      String contentPath, List<Spec> specs, String sha, Probe probe, Map<Spec, String> keys) {
    List<Picture.Size> out = new ArrayList<>();
    for (Spec s : specs) {
      String path = renditionPath(contentPath, s, probe.extension());
      renditions.put(path, new Made(contentPath, sha, probe, s, keys.get(s)));
      out.add(
          new Picture.Size(basePath + new SitePath(path).encoded(), path, s.width(), s.height()));
    }
    return out;
  }

  /** {@code 2020/01/anh/dai-hoi.jpg} at 960 → {@code 2020/01/anh/dai-hoi-960.jpg}. */
  static String renditionPath(String contentPath, Spec spec, String extension) {
    int slash = contentPath.lastIndexOf('/');
    int dot = contentPath.lastIndexOf('.');
    String stem = dot > slash ? contentPath.substring(0, dot) : contentPath;
    return stem + "-" + spec.suffix() + "." + extension;
  }

  /** The paths in the site of every rendition looked up so far, in order. */
  public List<String> renditionPaths() {
    return List.copyOf(new TreeMap<>(renditions).keySet());
  }

  /** Whether {@code contentPath} was looked up and found a photo. */
  public boolean isPublishedAsRenditions(String contentPath) {
    return found.contains(contentPath);
  }

  /** Receives each rendition of a build. */
  @FunctionalInterface
  public interface Sink {
    void write(String path, byte[] bytes) throws IOException;

    /**
     * Publishes the cache's file {@code source}, which is never changed in place, as {@code path};
     * by default its bytes are read and written.
     */
    default void link(String path, Path source) throws IOException {
      write(path, Files.readAllBytes(source));
    }
  }

  /**
   * Writes every rendition looked up so far into {@code out}, in path order, from the cache. Throws
   * when the cache lost a file since (it was deleted during the build).
   */
  public void publish(Sink out) throws IOException {
    for (Map.Entry<String, Made> e : new TreeMap<>(renditions).entrySet()) {
      Optional<Path> file = cache.path(e.getValue().key());
      if (file.isPresent()) {
        try {
          out.link(e.getKey(), file.get());
          continue;
        } catch (NoSuchFileException gone) {
          // deleted from the cache since: made again below
        }
      }
      Optional<byte[]> b = cache.get(e.getValue().key());
      if (b.isEmpty()) {
        b = Optional.of(make(e.getValue()));
      }
      out.write(e.getKey(), b.get());
    }
    cache.save();
  }

  /**
   * The rendition at {@code sitePath}, made now when the cache does not have it yet (the preview);
   * empty when no page looked up a photo with that rendition.
   */
  public Optional<byte[]> rendition(String sitePath) throws IOException {
    Made m = renditions.get(sitePath);
    if (m == null) {
      return Optional.empty();
    }
    Optional<byte[]> b = cache.get(m.key());
    return b.isPresent() ? b : Optional.of(make(m));
  }

  /** Makes every rendition of {@code m}'s photo, stores them, and returns {@code m}'s. */
  private byte[] make(Made m) throws IOException {
    byte[] bytes = read(contentDir.resolve(m.source()));
    List<Map.Entry<String, Made>> siblings =
        renditions.entrySet().stream().filter(e -> e.getValue().sha().equals(m.sha())).toList();
    List<Spec> specs = siblings.stream().map(e -> e.getValue().spec()).distinct().toList();
    try {
      Renditions.Made made = Renditions.make(bytes, m.probe(), specs, settings.quality());
      byte[] mine = null;
      for (Map.Entry<String, Made> e : siblings) {
        byte[] b = made.files().get(e.getValue().spec());
        cache.put(e.getValue().key(), b);
        if (e.getValue().spec().equals(m.spec())) {
          mine = b;
        }
      }
      cache.save();
      return mine;
    } catch (PhotoProblem p) {
      throw new IOException(m.source() + " " + p.getMessage());
    }
  }

  /**
   * The bytes to publish for a photo's own file (with {@code images.keep_original}, or a photo no
   * article shows as an image): without metadata, upright. A JPEG whose orientation is recorded
   * only in EXIF is encoded again, upright; any other loses only its metadata segments, bit for bit
   * the same picture. Bytes that are not a JPEG or PNG that can be walked are returned as they are.
   */
  public byte[] cleanOriginal(String name, byte[] bytes) {
    PhotoFormat f = PhotoFormat.sniff(bytes, name);
    if (f == PhotoFormat.PNG) {
      return PngChunks.strip(bytes).orElse(bytes);
    }
    if (f != PhotoFormat.JPEG) {
      return bytes;
    }
    if (Exif.orientation(bytes) != 1) {
      try {
        Probe p = Renditions.probe(bytes, name, settings);
        Spec full = new Spec(p.shownWidth(), p.shownHeight(), false, 50, 50);
        return Renditions.make(bytes, p, List.of(full), Math.max(settings.quality(), 90))
            .files()
            .get(full);
      } catch (PhotoProblem | RuntimeException e) {
        // Not decodable: its segments are still stripped below.
      }
    }
    return JpegSegments.strip(bytes).orElse(bytes);
  }

  private static byte[] read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      return in.readNBytes((int) Math.min(MAX_FILE_BYTES + 1, Integer.MAX_VALUE - 8));
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return Messages.get("photo.no-such-file");
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
