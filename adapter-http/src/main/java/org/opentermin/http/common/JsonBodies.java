package org.opentermin.http.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.opentermin.http.problem.ApiProblem;

/**
 * Reads request bodies strictly (no unknown fields, no nulls for numbers, no numbers for text, no
 * trailing garbage) into request records and validates them with Jakarta Validation. Anything wrong
 * becomes a problem naming the field: 400 when the JSON cannot be read as the record, 422 when it
 * can but breaks a constraint. Thread-safe.
 */
public final class JsonBodies {

  /** Request bodies are limited to 64 KiB; nothing in the API needs more. */
  public static final int MAXIMUM_BODY_BYTES = 64 * 1024;

  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new Jdk8Module())
          .addModule(new JavaTimeModule())
          // Times as written ("08:00", not "08:00:00"): java.time's shortest ISO form. Registered
          // after the JavaTimeModule, so these win.
          .addModule(
              new SimpleModule()
                  .addSerializer(LocalTime.class, ToStringSerializer.instance)
                  .addSerializer(LocalDateTime.class, ToStringSerializer.instance))
          .addModule(StrictJsonValues.module())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .serializationInclusion(JsonInclude.Include.NON_ABSENT)
          .build();

  private static final ValidatorFactory VALIDATION =
      Validation.byDefaultProvider()
          .configure()
          // Messages without the expression language: nothing from the request is ever evaluated.
          .messageInterpolator(new ParameterMessageInterpolator())
          .buildValidatorFactory();
  private static final Validator VALIDATOR = VALIDATION.getValidator();

  private JsonBodies() {}

  /** The body as {@code type}, validated; a problem if it is missing, malformed or invalid. */
  public static <T> T read(Context ctx, Class<T> type) {
    byte[] body = ctx.bodyAsBytes();
    if (body.length == 0) {
      throw ApiProblem.badRequest("the request needs a JSON body");
    }
    // The guard checks declared lengths; a chunked body shows its size only here.
    if (body.length > MAXIMUM_BODY_BYTES) {
      throw new ApiProblem(
          413,
          "payload-too-large",
          "request bodies are limited to " + MAXIMUM_BODY_BYTES / 1024 + " KiB");
    }
    // PostgreSQL cannot store the NUL character in text, and no person types it.
    if (new String(body, StandardCharsets.UTF_8).contains("\\u0000")) {
      throw ApiProblem.badRequest("text must not contain the NUL character (\\u0000)");
    }
    T value;
    try {
      value = MAPPER.readValue(body, type);
    } catch (StrictJsonValues.BrokenRule refused) {
      throw ApiProblem.badRequest(
          "a field holds a value outside what the API accepts",
          new ApiProblem.FieldError(path(refused), refused.rule()));
    } catch (UnrecognizedPropertyException unknown) {
      throw ApiProblem.badRequest(
          "unknown field", new ApiProblem.FieldError(path(unknown), "is not a known field"));
    } catch (InvalidFormatException invalid) {
      throw ApiProblem.badRequest(
          "a field has the wrong format",
          new ApiProblem.FieldError(
              path(invalid), "has the wrong format for " + describe(invalid.getTargetType())));
    } catch (MismatchedInputException mismatched) {
      String field = path(mismatched);
      if (field.isEmpty()) {
        throw ApiProblem.badRequest("the body must be a JSON object");
      }
      throw ApiProblem.badRequest(
          "a field has the wrong type",
          new ApiProblem.FieldError(field, "must be " + describe(mismatched.getTargetType())));
    } catch (JsonMappingException mapping) {
      throw ApiProblem.badRequest(
          "the body does not fit the expected object",
          new ApiProblem.FieldError(path(mapping), "is invalid"));
    } catch (JsonProcessingException malformed) {
      throw ApiProblem.badRequest("the body is not well-formed JSON");
    } catch (IOException unreadable) {
      throw ApiProblem.badRequest("the body could not be read");
    }
    if (value == null) {
      throw ApiProblem.badRequest("the body must be a JSON object");
    }
    validate(value);
    return value;
  }

  /** 204 without the default content type, since there is no content. */
  public static void noContent(Context ctx) {
    ctx.status(204);
    ctx.res().setContentType(null);
  }

  /** Throws a 422 problem listing every constraint {@code value} breaks. */
  public static void validate(Object value) {
    Set<ConstraintViolation<Object>> violations = VALIDATOR.validate(value);
    if (!violations.isEmpty()) {
      throw ApiProblem.validationFailed(
          violations.stream()
              .map(
                  violation ->
                      new ApiProblem.FieldError(
                          violation.getPropertyPath().toString(), violation.getMessage()))
              .sorted(
                  Comparator.comparing(ApiProblem.FieldError::field)
                      .thenComparing(ApiProblem.FieldError::message))
              .collect(Collectors.toList()));
    }
  }

  /** The JSON path of the failure, e.g. {@code services[1].persons}. */
  private static String path(JsonMappingException failure) {
    List<JsonMappingException.Reference> references = failure.getPath();
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : references) {
      if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      } else if (reference.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      }
    }
    return path.toString();
  }

  /** A reader-friendly name for what a field should hold; never a Java class name. */
  private static String describe(Class<?> type) {
    if (type == null) {
      return "another type";
    }
    if (type.isEnum()) {
      return "one of " + Arrays.toString(type.getEnumConstants());
    }
    if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
      return "a whole number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == LocalDate.class) {
      return "a date YYYY-MM-DD";
    }
    if (type == LocalTime.class) {
      return "a time HH:MM";
    }
    if (type == LocalDateTime.class) {
      return "a local date-time YYYY-MM-DDTHH:MM";
    }
    if (type == OffsetDateTime.class) {
      return "a date-time with offset, e.g. 2026-12-01T08:00:00+01:00";
    }
    if (List.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    return "an object";
  }
}
