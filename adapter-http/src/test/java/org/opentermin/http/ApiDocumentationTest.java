package org.opentermin.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentermin.core.access.AccessRole;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.fairness.AccessPolicy;
import org.opentermin.core.fairness.LotteryPolicy;
import org.opentermin.core.fairness.ReleasePolicy;
import org.opentermin.core.fairness.ReleaseWave;
import org.opentermin.http.problem.ErrorMapping;
import org.opentermin.http.problem.ProblemTitles;
import org.opentermin.ports.access.AccessTokens;
import org.opentermin.ports.memory.InMemoryCatalogStore;

/**
 * {@code /openapi.json} against the running server: it is valid OpenAPI 3.1, it documents exactly
 * the routes the server registers, what the server answers fits it, and {@code /docs} shows it with
 * Swagger UI from this server.
 */
class ApiDocumentationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> OPERATION_KEYS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  private static final Pattern ASSET_REFERENCE = Pattern.compile("(?:src|href)=\"([^\"]+)\"");
  private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\ssrc=)");
  private static final String AUTHORIZATION = "Authorization";

  /** Whether the instance says it is ready; a test turns it off for a moment. */
  private static final AtomicBoolean READY = new AtomicBoolean(true);

  private static HttpApi api;
  private static HttpClient client;
  private static AccessTokens tokens;
  private static InMemoryCatalogStore catalogStore;

  @BeforeAll
  static void startServer() {
    InMemoryUseCases memory =
        new InMemoryUseCases(Clock.fixed(Instant.parse("2026-11-30T08:00:00Z"), ZoneOffset.UTC));
    catalogStore = memory.catalogStore;
    tokens = memory.tokens;
    api =
        HttpApi.create(memory.with(memory.bookings().build()).readiness(READY::get).build())
            .start(0);
    client = HttpClient.newHttpClient();
  }

  @AfterAll
  static void stopServer() {
    api.stop();
  }

  @Test
  void openApiDocumentIsServedAsValidOpenApi31() {
    HttpResponse<String> response = get("/openapi.json");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(response.body(), null, options);
    assertThat(result.getMessages()).isEmpty();
    assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
    assertThat(result.getOpenAPI().getPaths()).isNotEmpty();
  }

  @Test
  void schemasAreValidJsonSchemaAndExamplesFitThem() {
    ApiDocContract contract = new ApiDocContract(get("/openapi.json").body());

    assertSoftly(
        softly -> {
          softly
              .assertThat(contract.invalidSchemas())
              .as("schemas that are not JSON Schema 2020-12")
              .isEmpty();
          softly
              .assertThat(contract.invalidExamples())
              .as("examples that do not fit their schemas")
              .isEmpty();
        });
  }

  @Test
  void answersThroughABookingDayFitTheDocument() {
    ApiDocClient docs = new ApiDocClient(api.port(), get("/openapi.json").body());
    String admin = "Bearer " + tokens.issue(AccessRole.ADMIN, List.of()).token();

    // An administrator sets up an office; the clock stands at Monday 2026-11-30, 09:00 in Berlin.
    assertThat(
            docs.post(
                    "/api/v1/admin/offices",
                    """
                    {"id": "sbh-mitte", "name": "Sozialbürgerhaus Mitte", "timeZone": "Europe/Berlin", "state": "BY",
                     "slotMinutes": 15, "maxDaysAhead": 90, "address": "Meindlstraße 14, 81373 München"}\
                    """,
                    AUTHORIZATION,
                    admin)
                .status())
        .isEqualTo(201);
    assertThat(
            docs.post(
                    "/api/v1/admin/services",
                    """
                    {"id": "personalausweis", "name": "Personalausweis beantragen", "durationMinutes": 20, "maxPersons": 4,
                     "channels": ["ONLINE", "PHONE", "COUNTER"]}\
                    """,
                    AUTHORIZATION,
                    admin)
                .status())
        .isEqualTo(201);
    assertThat(
            docs.post(
                    "/api/v1/admin/offices/sbh-mitte/resources",
                    """
                    {"id": "schalter-3", "name": "Schalter 3", "kind": "WORKSTATION", "serviceIds": ["personalausweis"],
                     "team": "buergerbuero"}\
                    """,
                    AUTHORIZATION,
                    admin)
                .status())
        .isEqualTo(201);
    assertThat(
            docs.put(
                    "/api/v1/admin/offices/sbh-mitte/resources/schalter-3/schedule",
                    """
                    {"rules": [{"days": ["MON", "TUE", "WED", "THU", "FRI"], "from": "08:00", "to": "16:00"}],
                     "breaks": [{"days": ["MON", "TUE", "WED", "THU", "FRI"], "from": "12:00", "to": "12:30"}],
                     "extraTimes": [{"date": "2026-12-19", "from": "09:00", "to": "12:00"}],
                     "absences": [{"from": "2026-12-21T00:00", "to": "2027-01-02T00:00"}]}\
                    """,
                    AUTHORIZATION,
                    admin)
                .status())
        .isEqualTo(200);
    assertThat(
            docs.post(
                    "/api/v1/admin/offices/sbh-mitte/closures",
                    """
                    {"date": "2026-12-24", "reason": "Heiligabend"}\
                    """,
                    AUTHORIZATION,
                    admin)
                .status())
        .isEqualTo(201);
    ApiDocClient.Answer issued =
        docs.post(
            "/api/v1/admin/tokens",
            """
            {"role": "STAFF", "officeIds": ["sbh-mitte"]}\
            """,
            AUTHORIZATION,
            admin);
    assertThat(issued.status()).isEqualTo(201);
    String staff = "Bearer " + issued.text("token");

    // A citizen finds a time, holds it, books it and looks at the booking.
    assertThat(docs.get("/api/v1/offices").status()).isEqualTo(200);
    assertThat(docs.get("/api/v1/offices/sbh-mitte").status()).isEqualTo(200);
    assertThat(docs.get("/api/v1/services").status()).isEqualTo(200);
    assertThat(
            docs.get(
                    "/api/v1/offices/sbh-mitte/availability?service=personalausweis&from=2026-11-30&to=2026-12-02")
                .status())
        .isEqualTo(200);
    ApiDocClient.Answer first =
        docs.get("/api/v1/offices/sbh-mitte/availability/first?service=personalausweis");
    assertThat(first.status()).isEqualTo(200);
    String today = first.text("start");
    String hold = holdFor(docs, today, "ONLINE");
    ApiDocClient.Answer booked =
        docs.post(
            "/api/v1/bookings",
            """
            {"holdId": "%s", "citizen": {"name": "Erika Mustermann", "email": "erika.mustermann@example.org",
             "phone": "+49 89 1234567"}, "idempotencyKey": "7c4e2a90-1d3b-4f6a-8e5c-9b0d2f4a6c8e"}\
            """
                .formatted(hold));
    assertThat(booked.status()).isEqualTo(201);
    String reference = booked.text("reference");
    String manageToken = booked.text("manageToken");
    assertThat(docs.get("/api/v1/bookings/" + reference, "X-Manage-Token", manageToken).status())
        .isEqualTo(200);
    assertThat(
            docs.get(
                    "/api/v1/bookings/" + reference + "/calendar.ics?token=" + manageToken,
                    "Accept-Language",
                    "de")
                .status())
        .isEqualTo(200);
    assertThat(docs.post("/api/v1/holds", holdRequest(today, "ONLINE")).status())
        .as("the time is taken")
        .isEqualTo(409);

    // Staff see the day, check the citizen in and complete the appointment.
    assertThat(
            docs.get(
                    "/api/v1/staff/offices/sbh-mitte/bookings?date=2026-11-30",
                    AUTHORIZATION,
                    staff)
                .status())
        .isEqualTo(200);
    assertThat(
            docs.post(
                    "/api/v1/staff/bookings/" + reference + "/check-in", null, AUTHORIZATION, staff)
                .status())
        .isEqualTo(200);
    assertThat(
            docs.post(
                    "/api/v1/staff/bookings/" + reference + "/complete", null, AUTHORIZATION, staff)
                .status())
        .isEqualTo(200);
    assertThat(docs.get("/api/v1/staff/bookings/" + reference, AUTHORIZATION, staff).status())
        .isEqualTo(200);
    assertThat(
            docs.get("/api/v1/staff/bookings/" + reference + "/history", AUTHORIZATION, staff)
                .status())
        .isEqualTo(200);
    assertThat(docs.get("/api/v1/staff/bookings/ZZZZZZZZ/history", AUTHORIZATION, staff).status())
        .isEqualTo(404);

    // Another citizen books, moves and cancels; cancelling twice is refused.
    Booked later = confirm(docs, holdFor(docs, "2026-12-01T10:00:00+01:00", "ONLINE"));
    String laterReference = later.reference();
    String[] citizen = {"X-Manage-Token", later.manageToken()};
    assertThat(docs.get("/api/v1/bookings/" + laterReference, citizen).status()).isEqualTo(200);
    assertThat(
            docs.post(
                    "/api/v1/bookings/" + laterReference + "/reschedule",
                    """
                    {"holdId": "%s"}\
                    """
                        .formatted(holdFor(docs, "2026-12-01T11:00:00+01:00", "ONLINE")),
                    citizen)
                .status())
        .isEqualTo(200);
    assertThat(
            docs.post(
                    "/api/v1/bookings/" + laterReference + "/cancel",
                    """
                    {"reason": "Ich habe einen früheren Termin gefunden."}\
                    """,
                    citizen)
                .status())
        .isEqualTo(200);
    assertThat(docs.post("/api/v1/bookings/" + laterReference + "/cancel", null, citizen).status())
        .isEqualTo(409);

    // Staff book for a caller; a no-show before the start is refused; staff cancel.
    ApiDocClient.Answer phoneHold =
        docs.post(
            "/api/v1/holds",
            holdRequest("2026-12-02T10:00:00+01:00", "PHONE"),
            AUTHORIZATION,
            staff);
    assertThat(phoneHold.status()).isEqualTo(201);
    ApiDocClient.Answer phoneBooking =
        docs.post(
            "/api/v1/bookings",
            """
            {"holdId": "%s", "citizen": {"name": "Max Mustermann"}}\
            """
                .formatted(phoneHold.text("holdId")),
            AUTHORIZATION,
            staff);
    assertThat(phoneBooking.status()).isEqualTo(201);
    String phoneReference = phoneBooking.text("reference");
    assertThat(
            docs.post(
                    "/api/v1/staff/bookings/" + phoneReference + "/no-show",
                    null,
                    AUTHORIZATION,
                    staff)
                .status())
        .isEqualTo(409);
    assertThat(
            docs.post(
                    "/api/v1/staff/bookings/" + phoneReference + "/cancel",
                    """
                    {"reason": "Termin telefonisch abgesagt"}\
                    """,
                    AUTHORIZATION,
                    staff)
                .status())
        .isEqualTo(200);

    // A citizen joins the office's waiting list, looks at the entry and leaves; staff see the list.
    String waitingListRequest =
        """
        {"officeId": "sbh-mitte", "services": [{"serviceId": "personalausweis", "persons": 1}], "from": "2026-12-01",
         "to": "2026-12-18", "citizen": {"name": "Erika Mustermann", "email": "erika.mustermann@example.org"}}\
        """;
    assertThat(docs.post("/api/v1/waiting-list", waitingListRequest).status())
        .as("no waiting list yet")
        .isEqualTo(403);
    catalogStore.saveAccessPolicy(
        OfficeId.of("sbh-mitte"),
        Optional.empty(),
        Optional.of(AccessPolicy.none().withWaitingList(AccessPolicy.RECOMMENDED_WAITING_LIST)));
    ApiDocClient.Answer joined = docs.post("/api/v1/waiting-list", waitingListRequest);
    assertThat(joined.status()).as(joined.body()).isEqualTo(201);
    String entry = "/api/v1/waiting-list/" + joined.text("entryId");
    String[] entryToken = {"X-Entry-Token", joined.text("entryToken")};
    assertThat(docs.post("/api/v1/waiting-list", waitingListRequest).status())
        .as("waits already")
        .isEqualTo(409);
    assertThat(docs.get(entry, entryToken).status()).isEqualTo(200);
    assertThat(docs.get(entry, "X-Entry-Token", "wrong").status()).isEqualTo(404);
    assertThat(
            docs.get("/api/v1/staff/offices/sbh-mitte/waiting-list", AUTHORIZATION, staff).status())
        .isEqualTo(200);
    assertThat(docs.get("/api/v1/staff/offices/sbh-mitte/waiting-list").status()).isEqualTo(401);
    assertThat(docs.send("DELETE", entry, null, entryToken).status()).isEqualTo(204);
    assertThat(docs.get(entry, entryToken).text("status")).isEqualTo("WITHDRAWN");
    assertThat(
            docs.post(
                    "/api/v1/waiting-list", waitingListRequest.replace("2026-12-18", "2027-06-18"))
                .status())
        .as("more than 92 days")
        .isEqualTo(400);
    assertThat(
            docs.post(
                    "/api/v1/waiting-list",
                    waitingListRequest.replace(
                        "erika.mustermann@example.org\"", "x@y\", \"phone\": \"12\""))
                .status())
        .as("no valid contact")
        .isEqualTo(422);

    // The office's administrator reads who saw and changed what, page by page; staff may not.
    ApiDocClient.Answer audit =
        docs.get("/api/v1/admin/offices/sbh-mitte/audit?limit=5", AUTHORIZATION, admin);
    assertThat(audit.status()).isEqualTo(200);
    assertThat(
            docs.get(
                    "/api/v1/admin/offices/sbh-mitte/audit?cursor="
                        + audit.text("nextCursor")
                        + "&from=2026-11-30T00:00:00Z&to=2026-12-31T00:00:00%2B01:00",
                    AUTHORIZATION,
                    admin)
                .status())
        .isEqualTo(200);
    assertThat(docs.get("/api/v1/admin/offices/sbh-mitte/audit", AUTHORIZATION, staff).status())
        .isEqualTo(403);
    assertThat(
            docs.get("/api/v1/admin/offices/sbh-mitte/audit?limit=501", AUTHORIZATION, admin)
                .status())
        .isEqualTo(400);
    assertThat(docs.get("/api/v1/admin/offices/sbh-nord/audit", AUTHORIZATION, admin).status())
        .isEqualTo(404);

    // Mistakes are answered with documented problems.
    assertThat(docs.get("/api/v1/offices/sbh-nord").status()).isEqualTo(404);
    assertThat(docs.get("/api/v1/offices/sbh-mitte/availability").status()).isEqualTo(400);
    assertThat(
            docs.get(
                    "/api/v1/offices/sbh-mitte/availability?service=personalausweis&from=2027-06-01")
                .status())
        .isEqualTo(422);
    assertThat(
            docs.post(
                    "/api/v1/admin/tokens", "{\"role\": \"STAFF\", \"officeIds\": [\"sbh-mitte\"]}")
                .status())
        .isEqualTo(401);
    assertThat(docs.post("/api/v1/admin/services", "{}", AUTHORIZATION, staff).status())
        .isEqualTo(403);
    assertThat(
            docs.post(
                    "/api/v1/admin/services",
                    "{\"name\": \"\", \"durationMinutes\": 0}",
                    AUTHORIZATION,
                    admin)
                .status())
        .isEqualTo(422);
    assertThat(docs.post("/api/v1/holds", "{").status()).isEqualTo(400);
    assertThat(docs.post("/api/v1/holds", "{}", "Content-Type", "text/plain").status())
        .isEqualTo(415);

    // Operators look at the instance.
    assertThat(docs.get("/health").status()).isEqualTo(200);
    assertThat(docs.get("/ready").status()).isEqualTo(200);
    READY.set(false);
    try {
      assertThat(docs.get("/ready").status()).isEqualTo(503);
    } finally {
      READY.set(true);
    }
    assertThat(docs.get("/metrics").status()).isEqualTo(200);
    assertThat(docs.get("/openapi.json").status()).isEqualTo(200);
    assertThat(docs.get("/docs").status()).isEqualTo(200);

    // The office draws a week-ahead release by lottery; a citizen enters, looks at the entry and
    // the audit.
    assertThat(docs.get("/api/v1/offices/sbh-mitte/lottery/draws/2026-12-08").status())
        .as("no lottery yet")
        .isEqualTo(403);
    catalogStore.saveAccessPolicy(
        OfficeId.of("sbh-mitte"),
        Optional.empty(),
        Optional.of(
            AccessPolicy.none()
                .withRelease(
                    new ReleasePolicy(
                        LocalTime.of(8, 0),
                        Duration.ZERO,
                        ImmutableList.of(new ReleaseWave(7, 100))))
                .withLottery(new LotteryPolicy(Duration.ofHours(48)))));
    String entryRequest =
        """
        {"officeId": "sbh-mitte", "services": [{"serviceId": "personalausweis", "persons": 1}], "date": "2026-12-08",
         "citizen": {"name": "Erika Mustermann", "email": "erika.mustermann@example.org"}, "waitingListIfLost": true}\
        """;
    ApiDocClient.Answer lotteryEntry = docs.post("/api/v1/lottery/entries", entryRequest);
    assertThat(lotteryEntry.status()).isEqualTo(201);
    assertThat(docs.post("/api/v1/lottery/entries", entryRequest).status())
        .as("one entry per person")
        .isEqualTo(409);
    assertThat(
            docs.post(
                    "/api/v1/lottery/entries",
                    """
                    {"officeId": "sbh-mitte", "services": [{"serviceId": "personalausweis", "persons": 1}], "date": "2026-12-08",
                     "citizen": {"name": "Max Mustermann"}}\
                    """)
                .status())
        .as("no contact")
        .isEqualTo(422);
    assertThat(
            docs.get(
                    "/api/v1/lottery/entries/" + lotteryEntry.text("entryId"),
                    "X-Entry-Token",
                    lotteryEntry.text("entryToken"))
                .status())
        .isEqualTo(200);
    assertThat(
            docs.get(
                    "/api/v1/lottery/entries/" + lotteryEntry.text("entryId"),
                    "X-Entry-Token",
                    "wrong")
                .status())
        .isEqualTo(404);
    assertThat(docs.get("/api/v1/offices/sbh-mitte/lottery/draws/2026-12-08").status())
        .isEqualTo(200);
    assertThat(docs.get("/api/v1/offices/sbh-mitte/lottery/draws/someday").status()).isEqualTo(404);

    assertThat(docs.violations()).isEmpty();
  }

  @Test
  void everyRegisteredRouteIsDocumentedAndEveryDocumentedRouteIsRegistered() {
    Set<String> registered = registeredRoutes();
    Set<String> documented = documentedOperations(document());

    assertThat(registered)
        .as("routes the server registers")
        .contains("GET /api/v1/offices/{officeId}", "GET /docs");
    assertSoftly(
        softly -> {
          softly
              .assertThat(registered)
              .as("registered but missing from openapi.json")
              .isSubsetOf(documented);
          softly
              .assertThat(documented)
              .as("documented in openapi.json but not registered")
              .isSubsetOf(registered);
        });
  }

  @Test
  void everyOperationAnswersErrorsAsProblemDocuments() {
    JsonNode document = document();
    List<String> notProblems = new ArrayList<>();
    document
        .get("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        operation -> {
                          if (!OPERATION_KEYS.contains(operation.getKey())) {
                            return;
                          }
                          operation
                              .getValue()
                              .get("responses")
                              .properties()
                              .forEach(
                                  response -> {
                                    if (response.getKey().startsWith("4")
                                        || response.getKey().startsWith("5")) {
                                      JsonNode content =
                                          resolve(document, response.getValue()).path("content");
                                      boolean problem =
                                          content.size() == 1
                                              && content
                                                  .path(ErrorMapping.PROBLEM_JSON)
                                                  .path("schema")
                                                  .path("$ref")
                                                  .asText()
                                                  .equals("#/components/schemas/Problem");
                                      if (!problem) {
                                        notProblems.add(
                                            operation.getKey()
                                                + " "
                                                + path.getKey()
                                                + " "
                                                + response.getKey());
                                      }
                                    }
                                  });
                        }));

    assertThat(notProblems)
        .as("error responses that are not application/problem+json Problems")
        .isEmpty();
  }

  @Test
  void problemTypesInTheDocumentAreThoseThatHaveTitles() {
    Set<String> documented = new TreeSet<>();
    document()
        .at("/components/schemas/Problem/properties/type/enum")
        .forEach(type -> documented.add(type.asText().substring(ProblemTitles.TYPE_BASE.length())));

    assertThat(documented).isEqualTo(problemTypesWithTitles());
  }

  @Test
  void docsPageLoadsSwaggerUiFromThisServer() {
    HttpResponse<String> page = get("/docs");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            policy ->
                assertThat(policy)
                    .contains("default-src 'none'", "script-src 'self'")
                    .doesNotContain("unsafe"));
    assertThat(INLINE_SCRIPT.matcher(page.body()).find())
        .as("an inline script in " + page.body())
        .isFalse();
    assertThat(page.body()).contains("data-openapi-url=\"/openapi.json\"");
    List<String> assets = new ArrayList<>();
    Matcher references = ASSET_REFERENCE.matcher(page.body());
    while (references.find()) {
      assets.add(references.group(1));
    }
    String swaggerUi = "/docs/swagger-ui/" + swaggerUiVersionOnTheClassPath();
    assertThat(assets)
        .contains(
            swaggerUi + "/swagger-ui-bundle.js",
            swaggerUi + "/swagger-ui.css",
            "/docs/assets/initializer.js");
    for (String asset : assets) {
      assertThat(asset).as("served by this server").startsWith("/").doesNotStartWith("//");
      HttpResponse<String> answer = get(asset);
      assertThat(answer.statusCode()).as(asset).isEqualTo(200);
      assertThat(answer.body()).as(asset).isNotEmpty();
    }
    assertThat(get("/docs/assets/initializer.js").body())
        .contains("SwaggerUIBundle(")
        .contains("openapiUrl");
  }

  @Test
  void webjarFilesThatThePageDoesNotUseAreNotServed() {
    String swaggerUi = "/docs/swagger-ui/" + swaggerUiVersionOnTheClassPath();

    // The webjar's own page would load the Petstore example from the internet.
    assertThat(get(swaggerUi + "/index.html").statusCode()).isEqualTo(404);
    assertThat(get(swaggerUi + "/swagger-initializer.js").statusCode()).isEqualTo(404);
  }

  private static String holdRequest(String start, String channel) {
    return """
    {"officeId": "sbh-mitte", "services": [{"serviceId": "personalausweis", "persons": 1}], "start": "%s",
     "channel": "%s"}\
    """
        .formatted(start, channel);
  }

  /** The id of a new hold at {@code start}. */
  private static String holdFor(ApiDocClient docs, String start, String channel) {
    ApiDocClient.Answer held = docs.post("/api/v1/holds", holdRequest(start, channel));
    assertThat(held.status()).as("hold at %s: %s", start, held.body()).isEqualTo(201);
    return held.text("holdId");
  }

  private record Booked(String reference, String manageToken) {}

  /** The booking a citizen makes from {@code hold}. */
  private static Booked confirm(ApiDocClient docs, String hold) {
    ApiDocClient.Answer booked =
        docs.post(
            "/api/v1/bookings",
            """
            {"holdId": "%s", "citizen": {"name": "Jonas Schmidt", "email": "jonas.schmidt@example.org"}}\
            """
                .formatted(hold));
    assertThat(booked.status()).as(booked.body()).isEqualTo(201);
    return new Booked(booked.text("reference"), booked.text("manageToken"));
  }

  /** Method and path of each route, e.g. {@code GET /api/v1/offices/{officeId}}. */
  private static Set<String> registeredRoutes() {
    return api.javalin().unsafe.internalRouter.allHttpHandlers().stream()
        .map(parsed -> parsed.endpoint)
        .filter(endpoint -> endpoint.method.isHttpMethod())
        // Javalin writes {name} for parameters, and <name> for those that may span slashes.
        .map(
            endpoint ->
                endpoint.method.name() + " " + endpoint.path.replaceAll("<([^>]+)>", "{$1}"))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> documentedOperations(JsonNode document) {
    Set<String> operations = new TreeSet<>();
    document
        .get("paths")
        .properties()
        .forEach(
            path -> {
              for (Iterator<String> keys = path.getValue().fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                if (OPERATION_KEYS.contains(key)) {
                  operations.add(key.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
              }
            });
    return operations;
  }

  /** A response object, following a {@code $ref} to the shared responses. */
  private static JsonNode resolve(JsonNode document, JsonNode node) {
    String ref = node.path("$ref").asText("");
    return ref.isEmpty() ? node : document.at(ref.substring(1));
  }

  private static Set<String> problemTypesWithTitles() {
    Properties titles = new Properties();
    try (InputStream in =
        ApiDocumentation.class.getResourceAsStream("/org/opentermin/http/problems.properties")) {
      titles.load(in);
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
    return new TreeSet<>(titles.stringPropertyNames());
  }

  private static String swaggerUiVersionOnTheClassPath() {
    Properties webjar = new Properties();
    try (InputStream in =
        ApiDocumentationTest.class.getResourceAsStream(
            "/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
      webjar.load(in);
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
    return webjar.getProperty("version");
  }

  private static JsonNode document() {
    try {
      return JSON.readTree(get("/openapi.json").body());
    } catch (IOException notJson) {
      throw new UncheckedIOException(notJson);
    }
  }

  private static HttpResponse<String> get(String path) {
    try {
      return client.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(interrupted);
    }
  }
}
