package org.opentermin.http.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateTimeDeserializer;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.function.Predicate;

/**
 * What request bodies may hold beyond their shape. Dates and date-times are JSON strings (never
 * numbers or arrays, which java.time's readers would take as epoch seconds or fields) inside {@link
 * DateBounds}; text is well-formed Unicode: a lone UTF-16 surrogate cannot be stored as UTF-8 and
 * would silently become "?" in the database.
 */
final class StrictJsonValues {

  private StrictJsonValues() {}

  /**
   * A value that reads as its type but breaks one of the rules above; {@link #rule()} says which.
   */
  static final class BrokenRule extends JsonMappingException {
    private static final long serialVersionUID = 1L;
    private final String rule;

    BrokenRule(JsonParser parser, String rule) {
      super(parser, rule);
      this.rule = rule;
    }

    String rule() {
      return rule;
    }
  }

  /** Registered after java.time's module, so that these readers win. */
  static SimpleModule module() {
    return new SimpleModule("opentermin-strict-values")
        .addDeserializer(
            LocalDate.class,
            new TemporalText<>(
                LocalDate.class, LocalDateDeserializer.INSTANCE, DateBounds::contains))
        .addDeserializer(
            LocalDateTime.class,
            new TemporalText<>(
                LocalDateTime.class, LocalDateTimeDeserializer.INSTANCE, DateBounds::contains))
        .addDeserializer(
            OffsetDateTime.class,
            new TemporalText<>(
                OffsetDateTime.class, InstantDeserializer.OFFSET_DATE_TIME, DateBounds::contains))
        .addDeserializer(String.class, new WellFormedText());
  }

  /** Whether {@code text} has a surrogate without its partner. */
  static boolean hasLoneSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return true;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  private static final class TemporalText<T> extends StdScalarDeserializer<T> {
    private static final long serialVersionUID = 1L;
    private final transient JsonDeserializer<T> reader;
    private final transient Predicate<T> inBounds;

    TemporalText(Class<T> type, JsonDeserializer<T> reader, Predicate<T> inBounds) {
      super(type);
      this.reader = reader;
      this.inBounds = inBounds;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      if (!parser.hasToken(JsonToken.VALUE_STRING)) {
        return (T) context.handleUnexpectedToken(handledType(), parser);
      }
      T value = reader.deserialize(parser, context);
      if (value != null && !inBounds.test(value)) {
        throw new BrokenRule(parser, DateBounds.RULE);
      }
      return value;
    }
  }

  private static final class WellFormedText extends StdScalarDeserializer<String> {
    private static final long serialVersionUID = 1L;

    WellFormedText() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      String text = StringDeserializer.instance.deserialize(parser, context);
      if (text != null && hasLoneSurrogate(text)) {
        throw new BrokenRule(
            parser, "must be well-formed Unicode text (no lone surrogate such as \\ud800)");
      }
      return text;
    }
  }
}
