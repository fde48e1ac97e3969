package vn.luutru.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/templates.md} names every variable each template gets and every property of what they
 * hold, so that a theme's author never has to read Java.
 */
class TemplatesDocTest {
  /** The heading of each template's section, by its view. */
  private static final Map<Class<?>, String> TEMPLATES =
      Map.ofEntries(
          Map.entry(View.OfArticle.class, "`article`"),
          Map.entry(View.OfList.class, "`list`"),
          Map.entry(View.OfFeed.class, "`rss.xml` and `atom.xml`"),
          Map.entry(View.OfOrganization.class, "`organization`"),
          Map.entry(View.OfOrganizations.class, "`organizations`"),
          Map.entry(View.OfTerm.class, "`term`"),
          Map.entry(View.OfTerms.class, "`terms`"),
          Map.entry(View.OfTaxonomies.class, "`taxonomies`"),
          Map.entry(View.OfYears.class, "`years`"),
          Map.entry(View.OfSearch.class, "`search`"),
          Map.entry(View.OfAlias.class, "`redirect`"),
          Map.entry(View.OfNotFound.class, "`404`"),
          Map.entry(View.OfSitemap.class, "`sitemap.xml`, `sitemap-index.xml`, `robots.txt`"),
          Map.entry(View.OfSitemapIndex.class, "`sitemap.xml`, `sitemap-index.xml`, `robots.txt`"),
          Map.entry(View.OfRobots.class, "`sitemap.xml`, `sitemap-index.xml`, `robots.txt`"));

  /** Held by templates but no concern of theirs: what a body is made of. */
  private static final Set<Class<?>> OPAQUE = Set.of(Utf8Html.class);

  @Test
  void everyTemplateVariableAndPropertyIsDocumented() throws IOException {
    Map<String, String> sections = sections(Path.of("docs/templates.md"));
    Map<Class<?>, List<String>> types = new LinkedHashMap<>();
    for (Class<?> view : View.class.getPermittedSubclasses()) {
      assertThat(TEMPLATES).as("a heading for " + view.getSimpleName()).containsKey(view);
      walk(view, types);
    }
    List<String> missing = new ArrayList<>();
    types.forEach(
        (type, properties) -> {
          String heading = TEMPLATES.getOrDefault(type, type.getSimpleName());
          String text = sections.get(heading);
          if (text == null) {
            missing.add("no section ### " + heading);
            return;
          }
          for (String p : properties) {
            if (!text.contains("`" + p + "`") && !text.contains("`" + p + "()`")) {
              missing.add(heading + ": " + p);
            }
          }
        });
    assertThat(missing).isEmpty();
  }

  /** The text under each {@code ###} heading, by the heading. */
  private static Map<String, String> sections(Path doc) throws IOException {
    Map<String, String> sections = new LinkedHashMap<>();
    String heading = null;
    StringBuilder text = new StringBuilder();
    for (String line : Files.readAllLines(doc, StandardCharsets.UTF_8)) {
      if (line.startsWith("#")) {
        if (heading != null) {
          sections.put(heading, text.toString());
        }
        heading = line.startsWith("### ") ? line.substring(4).trim() : null;
        text.setLength(0);
      } else {
        text.append(line).append('\n');
      }
    }
    if (heading != null) {
      sections.put(heading, text.toString());
    }
    return sections;
  }

  /** Every luutru type reachable from {@code type}, with its properties a template can read. */
  private static void walk(Class<?> type, Map<Class<?>, List<String>> types) {
    if (!type.getName().startsWith("vn.luutru.")
        || type.isEnum()
        || OPAQUE.contains(type)
        || types.containsKey(type)) {
      return;
    }
    List<String> properties = new ArrayList<>();
    types.put(type, properties);
    List<Type> next = new ArrayList<>();
    if (type.isRecord()) {
      for (RecordComponent c : type.getRecordComponents()) {
        properties.add(c.getName());
        next.add(c.getGenericType());
      }
    }
    for (Method m : type.getMethods()) {
      if (Modifier.isStatic(m.getModifiers())
          || m.getParameterCount() != 0
          || m.getReturnType() == void.class
          || m.getDeclaringClass() == Object.class
          || properties.contains(m.getName())
          || Set.of("hashCode", "toString").contains(m.getName())) {
        continue;
      }
      properties.add(m.getName());
      next.add(m.getGenericReturnType());
    }
    for (Type t : next) {
      types(t, types);
    }
  }

  private static void types(Type t, Map<Class<?>, List<String>> types) {
    if (t instanceof Class<?> c) {
      walk(c, types);
    } else if (t instanceof ParameterizedType p) {
      types(p.getRawType(), types);
      for (Type a : p.getActualTypeArguments()) {
        types(a, types);
      }
    }
  }
}
