package io.credgraph.api.docs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * JSON Schemas (OpenAPI 3.0 dialect) of the API's request and answer types, derived from the Java
 * records that the API actually serialises, so the description cannot drift from the bodies: a
 * component per record, {@code Optional} components optional, every other component required, enums
 * with their values, dates as {@code format: date}.
 */
final class Schemas {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private final Map<String, ObjectNode> components = new TreeMap<>();
  private final Map<Class<?>, Map.Entry<String, ObjectNode>> extra;

  Schemas(Map<Class<?>, Map.Entry<String, ObjectNode>> extra) {
    this.extra = extra;
  }

  /** A schema (often a {@code $ref}) for {@code type}. */
  ObjectNode of(Type type) {
    return of(type, Map.of());
  }

  private ObjectNode of(Type type, Map<TypeVariable<?>, Type> bindings) {
    if (type instanceof TypeVariable<?> tv) {
      Type bound = bindings.get(tv);
      return bound == null ? F.objectNode() : of(bound, bindings);
    }
    if (type instanceof WildcardType wt) {
      return of(wt.getUpperBounds()[0], bindings);
    }
    if (type instanceof ParameterizedType pt) {
      Class<?> raw = (Class<?>) pt.getRawType();
      Type[] args = pt.getActualTypeArguments();
      if (raw == Optional.class) {
        return of(args[0], bindings);
      }
      if (Collection.class.isAssignableFrom(raw)) {
        return F.objectNode().put("type", "array").set("items", of(args[0], bindings));
      }
      if (Map.class.isAssignableFrom(raw)) {
        return F.objectNode()
            .put("type", "object")
            .set("additionalProperties", of(args[1], bindings));
      }
      if (raw.isRecord()) {
        Map<TypeVariable<?>, Type> b = new HashMap<>(bindings);
        TypeVariable<?>[] vars = raw.getTypeParameters();
        StringBuilder name = new StringBuilder(raw.getSimpleName());
        for (int i = 0; i < vars.length; i++) {
          Type resolved =
              args[i] instanceof TypeVariable<?> t && bindings.containsKey(t)
                  ? bindings.get(t)
                  : args[i];
          b.put(vars[i], resolved);
          name.append("Of").append(simpleName(resolved));
        }
        return record(raw, name.toString(), b);
      }
      return of(raw, bindings);
    }
    Class<?> c = (Class<?>) type;
    if (c == String.class || c == Character.class || c == char.class) {
      return F.objectNode().put("type", "string");
    }
    if (c == int.class
        || c == Integer.class
        || c == long.class
        || c == Long.class
        || c == OptionalInt.class
        || c == OptionalLong.class) {
      return F.objectNode()
          .put("type", "integer")
          .put(
              "format",
              c == int.class || c == Integer.class || c == OptionalInt.class ? "int32" : "int64");
    }
    if (c == double.class
        || c == Double.class
        || c == float.class
        || c == Float.class
        || c == OptionalDouble.class) {
      return F.objectNode().put("type", "number").put("format", "double");
    }
    if (c == boolean.class || c == Boolean.class) {
      return F.objectNode().put("type", "boolean");
    }
    if (c == LocalDate.class) {
      return F.objectNode().put("type", "string").put("format", "date");
    }
    if (c == Instant.class) {
      return F.objectNode().put("type", "string").put("format", "date-time");
    }
    if (c.isEnum()) {
      ObjectNode n = F.objectNode().put("type", "string");
      ArrayNode values = n.putArray("enum");
      for (Object v : c.getEnumConstants()) {
        values.add(((Enum<?>) v).name());
      }
      return n;
    }
    if (extra.containsKey(c)) {
      Map.Entry<String, ObjectNode> e = extra.get(c);
      components.putIfAbsent(e.getKey(), e.getValue());
      return ref(e.getKey());
    }
    if (c.isRecord()) {
      return record(c, c.getSimpleName(), bindings);
    }
    if (Collection.class.isAssignableFrom(c)) {
      return F.objectNode().put("type", "array").set("items", F.objectNode());
    }
    return F.objectNode().put("type", "object");
  }

  private ObjectNode record(Class<?> c, String name, Map<TypeVariable<?>, Type> bindings) {
    if (!components.containsKey(name)) {
      ObjectNode s = F.objectNode().put("type", "object");
      components.put(name, s);
      ObjectNode props = s.putObject("properties");
      ArrayNode required = F.arrayNode();
      for (RecordComponent rc : c.getRecordComponents()) {
        props.set(rc.getName(), of(rc.getGenericType(), bindings));
        Class<?> t = rc.getType();
        if (t != Optional.class
            && t != OptionalDouble.class
            && t != OptionalInt.class
            && t != OptionalLong.class) {
          required.add(rc.getName());
        }
      }
      if (!required.isEmpty()) {
        s.set("required", required);
      }
    }
    return ref(name);
  }

  private static String simpleName(Type t) {
    if (t instanceof Class<?> c) {
      return c.getSimpleName();
    }
    if (t instanceof ParameterizedType pt) {
      return ((Class<?>) pt.getRawType()).getSimpleName();
    }
    return "Object";
  }

  static ObjectNode ref(String name) {
    return F.objectNode().put("$ref", "#/components/schemas/" + name);
  }

  Map<String, ObjectNode> components() {
    return components;
  }
}
