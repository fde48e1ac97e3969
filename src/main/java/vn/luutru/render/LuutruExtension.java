package vn.luutru.render;

import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Map;

/**
 * The functions and filters the theme uses.
 *
 * <ul>
 *   <li>{@code url(path)}: the link to a site path, with the base path ({@code /luu-tru/…})
 *   <li>{@code abs_url(path)}: the absolute address, for canonical links, feeds and sitemaps
 *   <li>{@code date | vn_date}: {@code Thứ Sáu, 17/01/2020}; {@code | short_date}: {@code
 *       17/01/2020}; {@code | iso_date}: ISO 8601; {@code | rfc822}: for RSS
 *   <li>{@code n | vn_ordinal}: {@code nhất}, {@code hai}, … (after {@code lần thứ})
 *   <li>{@code json_ld(article)}: the article's JSON-LD {@code NewsArticle}, safe in a script
 *   <li>{@code value | xml}: escapes anything, even HTML already marked safe, for feeds
 * </ul>
 */
final class LuutruExtension extends AbstractExtension {
  private final String basePath;
  private final String baseUrl;
  private final java.util.function.Function<vn.luutru.site.ArticlePage, String> jsonLd;

  LuutruExtension(
      String baseUrl,
      String basePath,
      java.util.function.Function<vn.luutru.site.ArticlePage, String> jsonLd) {
    this.baseUrl = baseUrl;
    this.basePath = basePath;
    this.jsonLd = jsonLd;
  }

  String url(String path) {
    if (path.contains("://") || path.startsWith("//")) {
      return path;
    }
    return basePath + (path.startsWith("/") ? path.substring(1) : path);
  }

  String absUrl(String path) {
    if (path.contains("://") || path.startsWith("//")) {
      return path;
    }
    return baseUrl + (path.startsWith("/") ? path.substring(1) : path);
  }

  @Override
  public Map<String, Function> getFunctions() {
    return Map.of(
        "url", new PathFunction(this::url),
        "abs_url", new PathFunction(this::absUrl),
        "json_ld",
            new Function() {
              @Override
              public List<String> getArgumentNames() {
                return List.of("article");
              }

              @Override
              public Object execute(
                  Map<String, Object> args,
                  PebbleTemplate self,
                  EvaluationContext context,
                  int line) {
                return new SafeString(
                    jsonLd.apply((vn.luutru.site.ArticlePage) args.get("article")));
              }
            });
  }

  @Override
  public Map<String, Filter> getFilters() {
    return Map.of(
        "vn_date", new DateFilter(VietnameseDates::longDate),
        "short_date", new DateFilter(VietnameseDates::shortDate),
        "iso_date",
            new DateFilter(
                d ->
                    d instanceof OffsetDateTime o
                        ? DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(o)
                        : DateTimeFormatter.ISO_LOCAL_DATE.format(d)),
        "rfc822", new DateFilter(d -> VietnameseDates.rfc822((OffsetDateTime) d)),
        "vn_ordinal", new SimpleFilter(v -> VietnameseDates.ordinal(((Number) v).intValue())),
        "xml", new SimpleFilter(v -> new SafeString(escapeXml(v.toString()))));
  }

  static String escapeXml(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private record PathFunction(java.util.function.Function<String, String> f) implements Function {
    @Override
    public List<String> getArgumentNames() {
      return List.of("path");
    }

    @Override
    public Object execute(
        Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
      Object path = args.get("path");
      return f.apply(path == null ? "" : path.toString());
    }
  }

  private record DateFilter(java.util.function.Function<TemporalAccessor, String> f)
      implements Filter {
    @Override
    public List<String> getArgumentNames() {
      return List.of();
    }

    @Override
    public Object apply(
        Object input,
        Map<String, Object> args,
        PebbleTemplate self,
        EvaluationContext context,
        int line) {
      return input == null ? "" : f.apply((TemporalAccessor) input);
    }
  }

  private record SimpleFilter(java.util.function.Function<Object, Object> f) implements Filter {
    @Override
    public List<String> getArgumentNames() {
      return List.of();
    }

    @Override
    public Object apply(
        Object input,
        Map<String, Object> args,
        PebbleTemplate self,
        EvaluationContext context,
        int line) {
      return input == null ? "" : f.apply(input);
    }
  }
}
