package org.opentermin.http;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The API's own description: {@code /openapi.json} (OpenAPI 3.1, joined at start-up from the {@link
 * OpenApiParts} kept as resources next to this class) and {@code /docs}, Swagger UI served from the
 * webjar, never from the internet.
 */
final class ApiDocumentation {

  static final String OPENAPI_PATH = "/openapi.json";
  static final String DOCS_PATH = "/docs";

  /** Our own script for the docs page. */
  static final String DOCS_ASSETS_PATH = "/docs/assets";

  private static final String DOCS_PAGE_RESOURCE = "/org/opentermin/http/docs/index.html";
  private static final String DOCS_ASSETS_RESOURCE = "/org/opentermin/http/docs/assets";
  private static final String SWAGGER_UI_PROPERTIES =
      "/META-INF/maven/org.webjars/swagger-ui/pom.properties";

  /** The webjar's version, read from the jar itself, so that the pom names it once. */
  private static final String SWAGGER_UI_VERSION = swaggerUiVersion();

  /** Swagger UI's files, under a path with the webjar's version so they can be cached for good. */
  static final String SWAGGER_UI_PATH = "/docs/swagger-ui/" + SWAGGER_UI_VERSION;

  /**
   * The webjar files the page uses. The webjar's own index.html is left out: its initializer opens
   * the Petstore example from the internet.
   */
  private static final Set<String> SWAGGER_UI_FILES =
      Set.of(
          "swagger-ui.css",
          "index.css",
          "swagger-ui-bundle.js",
          "favicon-32x32.png",
          "favicon-16x16.png");

  /**
   * Only our own scripts, styles and API, nothing inline. Swagger UI sets styles through the DOM,
   * which the policy does not restrict; data: images are icons in its style sheet.
   */
  private static final String DOCS_POLICY =
      String.join(
          "; ",
          "default-src 'none'",
          "script-src 'self'",
          "style-src 'self'",
          "img-src 'self' data:",
          "connect-src 'self'",
          "base-uri 'none'",
          "form-action 'none'",
          "frame-ancestors 'none'");

  private ApiDocumentation() {}

  static void register(JavalinConfig config) {
    byte[] openApi = OpenApiParts.document();
    byte[] page =
        new String(resource(DOCS_PAGE_RESOURCE), UTF_8)
            .replace("{{swaggerUi}}", SWAGGER_UI_PATH)
            .replace("{{assets}}", DOCS_ASSETS_PATH)
            .replace("{{openApi}}", OPENAPI_PATH)
            .getBytes(UTF_8);
    config.routes.get(OPENAPI_PATH, ctx -> ctx.contentType("application/json").result(openApi));
    config.routes.get(
        DOCS_PATH,
        ctx ->
            ctx.header("Content-Security-Policy", DOCS_POLICY)
                .contentType("text/html; charset=utf-8")
                .result(page));
    config.staticFiles.add(
        files -> {
          files.hostedPath = SWAGGER_UI_PATH;
          files.directory = "/META-INF/resources/webjars/swagger-ui/" + SWAGGER_UI_VERSION;
          files.location = Location.CLASSPATH;
          files.skipFileFunction = request -> !SWAGGER_UI_FILES.contains(fileName(request));
          files.headers = Map.of("Cache-Control", "public, max-age=31536000, immutable");
        });
    config.staticFiles.add(
        files -> {
          files.hostedPath = DOCS_ASSETS_PATH;
          files.directory = DOCS_ASSETS_RESOURCE;
          files.location = Location.CLASSPATH;
        });
  }

  /** The version of the Swagger UI webjar on the class path, as its Maven metadata says. */
  private static String swaggerUiVersion() {
    Properties properties = new Properties();
    try {
      properties.load(new ByteArrayInputStream(resource(SWAGGER_UI_PROPERTIES)));
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
    String version = properties.getProperty("version");
    if (version == null || !version.matches("[0-9A-Za-z.-]+")) {
      throw new IllegalStateException(
          "no usable version in " + SWAGGER_UI_PROPERTIES + ": " + version);
    }
    return version;
  }

  static byte[] resource(String name) {
    try (InputStream in = ApiDocumentation.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  private static String fileName(HttpServletRequest request) {
    String path = request.getRequestURI();
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
