package org.opentermin.http.routing;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.ResourceId;
import org.opentermin.core.catalog.ServiceId;
import org.opentermin.core.catalog.TeamId;
import org.opentermin.core.routing.AddressRule;
import org.opentermin.core.routing.CaseNumber;
import org.opentermin.core.routing.HouseNumberRange;
import org.opentermin.core.routing.InitialRange;
import org.opentermin.core.routing.Parity;
import org.opentermin.core.routing.PostalCode;
import org.opentermin.core.routing.Responsible;
import org.opentermin.core.routing.StreetName;
import org.opentermin.core.routing.TeamRule;
import org.opentermin.http.common.CommonRequests;
import org.opentermin.http.problem.ApiProblem;
import org.opentermin.ports.in.ConfigureResponsibility.CaseEntry;
import org.opentermin.ports.in.ConfigureResponsibility.EntryError;

/**
 * Reads the spreadsheets municipalities keep their responsibility rules in: CSV with a header line,
 * separated by semicolons (as German spreadsheet programs write it) or commas, in UTF-8 or, failing
 * that, Windows-1252. Columns go by their header name, in English or German, in any order. Every
 * line is checked and every bad line named ("line 7: ..."), so a file is fixed in one go. Parsing
 * stores nothing; a file with any error is refused whole.
 */
final class RoutingCsv {

  /** At most this many errors are listed; a file that is wrong throughout needs no more. */
  static final int MAXIMUM_ERRORS = 100;

  private static final String POSTAL_CODE = "postal_code";
  private static final String STREET = "street";
  private static final String HOUSE_FROM = "house_from";
  private static final String HOUSE_TO = "house_to";
  private static final String PARITY = "parity";
  private static final String OFFICE = "office_id";
  private static final String INITIALS = "initials";
  private static final String SERVICE = "service_id";
  private static final String TEAM = "team_id";
  private static final String CASEWORKER = "caseworker_id";
  private static final String CASE_NUMBER = "case_number";

  /**
   * Header names as spreadsheets spell them, folded to lower case without spaces, to the column
   * they mean.
   */
  private static final ImmutableMap<String, String> ALIASES =
      ImmutableMap.<String, String>builder()
          .put("postal_code", POSTAL_CODE)
          .put("plz", POSTAL_CODE)
          .put("postleitzahl", POSTAL_CODE)
          .put("street", STREET)
          .put("strasse", STREET)
          .put("straße", STREET)
          .put("house_from", HOUSE_FROM)
          .put("hausnummer_von", HOUSE_FROM)
          .put("von", HOUSE_FROM)
          .put("house_to", HOUSE_TO)
          .put("hausnummer_bis", HOUSE_TO)
          .put("bis", HOUSE_TO)
          .put("parity", PARITY)
          .put("seite", PARITY)
          .put("office_id", OFFICE)
          .put("office", OFFICE)
          .put("dienststelle", OFFICE)
          .put("initials", INITIALS)
          .put("buchstaben", INITIALS)
          .put("anfangsbuchstaben", INITIALS)
          .put("service_id", SERVICE)
          .put("service", SERVICE)
          .put("dienstleistung", SERVICE)
          .put("team_id", TEAM)
          .put("team", TEAM)
          .put("caseworker_id", CASEWORKER)
          .put("caseworker", CASEWORKER)
          .put("sachbearbeitung", CASEWORKER)
          .put("case_number", CASE_NUMBER)
          .put("aktenzeichen", CASE_NUMBER)
          .buildOrThrow();

  private static final ImmutableMap<String, Parity> PARITIES =
      ImmutableMap.<String, Parity>builder()
          .put("all", Parity.ALL)
          .put("alle", Parity.ALL)
          .put("beide", Parity.ALL)
          .put("odd", Parity.ODD)
          .put("ungerade", Parity.ODD)
          .put("even", Parity.EVEN)
          .put("gerade", Parity.EVEN)
          .buildOrThrow();

  private RoutingCsv() {}

  /** What a file held: its entries, or the errors of its bad lines. */
  record Parsed<T>(ImmutableList<T> entries, ImmutableList<EntryError> errors) {}

  /** Address rules: {@code postal_code; street; house_from; house_to; parity; office_id}. */
  static Parsed<AddressRule> addressRules(byte[] body) {
    return parse(
        body,
        Set.of(POSTAL_CODE, OFFICE),
        Set.of(STREET, HOUSE_FROM, HOUSE_TO, PARITY),
        (line, label) -> {
          Optional<String> street = line.value(STREET);
          Optional<String> from = line.value(HOUSE_FROM);
          Optional<String> to = line.value(HOUSE_TO);
          Optional<String> parity = line.value(PARITY);
          if (from.isPresent() != to.isPresent()) {
            throw new IllegalArgumentException("give both house_from and house_to, or neither");
          }
          if (from.isPresent() && street.isEmpty()) {
            throw new IllegalArgumentException("house numbers need a street");
          }
          if (parity.isPresent() && from.isEmpty()) {
            throw new IllegalArgumentException("a parity needs house numbers");
          }
          Optional<HouseNumberRange> houseNumbers =
              from.map(
                  first ->
                      new HouseNumberRange(
                          number(HOUSE_FROM, first),
                          number(HOUSE_TO, to.get()),
                          parity.map(RoutingCsv::parity).orElse(Parity.ALL)));
          return new AddressRule(
              label,
              PostalCode.of(line.required(POSTAL_CODE)),
              street.map(StreetName::of),
              houseNumbers,
              officeId(line.required(OFFICE)));
        });
  }

  /**
   * Team rules of one office: {@code initials; service_id; team_id; caseworker_id}, with a team or
   * a caseworker.
   */
  static Parsed<TeamRule> teamRules(OfficeId office, byte[] body) {
    return parse(
        body,
        Set.of(INITIALS),
        Set.of(SERVICE, TEAM, CASEWORKER),
        (line, label) -> {
          Optional<String> team = line.value(TEAM);
          Optional<String> caseworker = line.value(CASEWORKER);
          if (team.isPresent() == caseworker.isPresent()) {
            throw new IllegalArgumentException(
                "name a team_id or a caseworker_id, not both or neither");
          }
          Responsible responsible =
              team.isPresent()
                  ? Responsible.team(TeamId.of(id(TEAM, team.get())))
                  : Responsible.caseworker(ResourceId.of(id(CASEWORKER, caseworker.get())));
          return new TeamRule(
              label,
              office,
              InitialRange.parse(line.required(INITIALS)),
              line.value(SERVICE).map(service -> ServiceId.of(id(SERVICE, service))),
              responsible);
        });
  }

  /**
   * Case assignments of one office: {@code case_number; caseworker_id; team_id}, the team optional.
   */
  static Parsed<CaseEntry> cases(byte[] body) {
    return parse(
        body,
        Set.of(CASE_NUMBER, CASEWORKER),
        Set.of(TEAM),
        (line, label) ->
            new CaseEntry(
                label,
                CaseNumber.of(line.required(CASE_NUMBER)),
                ResourceId.of(id(CASEWORKER, line.required(CASEWORKER))),
                line.value(TEAM).map(team -> TeamId.of(id(TEAM, team)))));
  }

  /**
   * Turns one line into an entry, or throws {@link IllegalArgumentException} saying what is wrong.
   */
  private interface LineReader<T> {
    T read(Line line, String label);
  }

  /** One data line, by column. */
  private record Line(Map<String, String> values) {
    Optional<String> value(String column) {
      return Optional.ofNullable(values.get(column))
          .map(String::strip)
          .filter(value -> !value.isEmpty());
    }

    String required(String column) {
      return value(column).orElseThrow(() -> new IllegalArgumentException(column + " is empty"));
    }
  }

  private static <T> Parsed<T> parse(
      byte[] body, Set<String> required, Set<String> optional, LineReader<T> reader) {
    String text = decode(body);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String headerLine = text.lines().findFirst().orElse("");
    if (headerLine.isBlank()) {
      throw ApiProblem.badRequest(
          "the file is empty: it needs a header line naming its columns, e.g. "
              + String.join(";", required));
    }
    char delimiter =
        headerLine.chars().filter(c -> c == ';').count()
                >= headerLine.chars().filter(c -> c == ',').count()
            ? ';'
            : ',';
    CSVFormat format =
        CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
    List<T> entries = new ArrayList<>();
    List<EntryError> errors = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      List<CSVRecord> records = parser.getRecords();
      List<String> columns = header(records.get(0), required, optional);
      LineCounter lines = new LineCounter(text);
      for (CSVRecord record : records.subList(1, records.size())) {
        String label = "line " + lines.lineAt(record.getCharacterPosition());
        try {
          entries.add(reader.read(line(record, columns), label));
        } catch (IllegalArgumentException invalid) {
          errors.add(new EntryError(label, String.valueOf(invalid.getMessage())));
        }
        if (errors.size() >= MAXIMUM_ERRORS) {
          break;
        }
      }
    } catch (IOException | UncheckedIOException malformed) {
      Throwable cause = malformed;
      while (cause.getCause() != null) {
        cause = cause.getCause();
      }
      throw new ApiProblem(
          422, "validation-failed", "the file is not valid CSV: " + cause.getMessage());
    }
    return new Parsed<>(ImmutableList.copyOf(entries), ImmutableList.copyOf(errors));
  }

  /** The line number of a label made here ("line 7"); 0 for others, which sort first. */
  static long lineNumber(String label) {
    return label.startsWith("line ") ? Long.parseLong(label.substring("line ".length())) : 0;
  }

  /**
   * Line numbers of positions asked for in increasing order, counting each stretch of text once.
   */
  private static final class LineCounter {
    private final String text;
    private int position;
    private long line = 1;

    LineCounter(String text) {
      this.text = text;
    }

    long lineAt(long target) {
      for (; position < target; position++) {
        countBreak();
      }
      // A record after skipped empty lines starts where they start.
      for (;
          position < text.length()
              && (text.charAt(position) == '\n' || text.charAt(position) == '\r');
          position++) {
        countBreak();
      }
      return line;
    }

    /** Lines end with LF, CR LF or (old spreadsheet programs on the Mac) a lone CR. */
    private void countBreak() {
      char c = text.charAt(position);
      if (c == '\n'
          || (c == '\r' && (position + 1 == text.length() || text.charAt(position + 1) != '\n'))) {
        line++;
      }
    }
  }

  private static List<String> header(CSVRecord header, Set<String> required, Set<String> optional) {
    List<String> columns = new ArrayList<>();
    List<ApiProblem.FieldError> errors = new ArrayList<>();
    for (String name : header) {
      String folded = name.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
      String column = ALIASES.get(folded);
      if (column == null || !(required.contains(column) || optional.contains(column))) {
        errors.add(new ApiProblem.FieldError("line 1", "unknown column '" + name.strip() + "'"));
      } else if (columns.contains(column)) {
        errors.add(new ApiProblem.FieldError("line 1", "column " + column + " appears twice"));
      }
      columns.add(column);
    }
    for (String column : required) {
      if (!columns.contains(column)) {
        errors.add(new ApiProblem.FieldError("line 1", "the column " + column + " is missing"));
      }
    }
    if (!errors.isEmpty()) {
      throw new ApiProblem(
          422,
          "validation-failed",
          "the header line must name the columns "
              + required
              + (optional.isEmpty() ? "" : " and may name " + optional),
          errors);
    }
    return columns;
  }

  private static Line line(CSVRecord record, List<String> columns) {
    if (record.size() != columns.size()) {
      throw new IllegalArgumentException(
          "has " + record.size() + " fields, the header names " + columns.size());
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      String value = record.get(i);
      if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
        throw new IllegalArgumentException(columns.get(i) + " holds a line break");
      }
      values.put(columns.get(i), value);
    }
    return new Line(values);
  }

  /**
   * UTF-8 if the bytes are valid UTF-8; otherwise what German spreadsheet programs write by
   * default.
   */
  private static String decode(byte[] body) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException notUtf8) {
      return new String(body, Charset.forName("windows-1252"));
    }
  }

  private static int number(String column, String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException notANumber) {
      throw new IllegalArgumentException(column + " must be a whole number, not '" + text + "'");
    }
  }

  private static Parity parity(String text) {
    Parity parity = PARITIES.get(text.toLowerCase(Locale.ROOT));
    if (parity == null) {
      throw new IllegalArgumentException(
          "parity is all, odd or even (alle, ungerade, gerade), not '" + text + "'");
    }
    return parity;
  }

  private static OfficeId officeId(String text) {
    return OfficeId.of(id(OFFICE, text));
  }

  private static String id(String column, String text) {
    if (!ServiceId.isValid(text)) {
      throw new IllegalArgumentException(
          column + " '" + text + "' is not a valid id: " + CommonRequests.ID_MESSAGE);
    }
    return text;
  }
}
