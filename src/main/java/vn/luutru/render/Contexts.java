package vn.luutru.render;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a {@link View} into the map Pebble evaluates a template with: each component by its name.
 * An empty {@link Optional} becomes a variable that is {@code null}, so that strict variables still
 * know it; a present one, its value.
 */
final class Contexts {
  private static final ClassValue<RecordComponent[]> COMPONENTS =
      new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
          return type.getRecordComponents();
        }
      };

  private Contexts() {}

  static Map<String, Object> of(View view) {
    RecordComponent[] components = COMPONENTS.get(view.getClass());
    Map<String, Object> context = new HashMap<>(components.length * 2);
    for (RecordComponent c : components) {
      Object value;
      try {
        value = c.getAccessor().invoke(view);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + c.getName() + " of a view", e);
      }
      context.put(c.getName(), value instanceof Optional<?> o ? o.orElse(null) : value);
    }
    return context;
  }
}
