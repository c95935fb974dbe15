package org.ccsim.core.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The one CSV codec of the files ccsim writes and reads (RFC 4180, through jackson-dataformat-csv):
 * comma-separated, one record per line ending in {@code \n}, a field quoted only when it holds a
 * comma, a double quote or a line break (quotes doubled inside), so that any rule, phase or probe
 * name reads back as it was written, and a file of plain names and numbers is exactly the text one
 * would write by hand. Fields are written as given: callers format numbers (e.g. with
 * {@link Double#toString}, the shortest text that reads back to the same double).
 */
public final class Csv {

  private static final CsvMapper MAPPER = CsvMapper.builder()
      .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
      .enable(CsvParser.Feature.WRAP_AS_ARRAY)
      .build();
  private static final ObjectWriter WRITER = MAPPER.writerFor(String[].class)
      .with(CsvSchema.emptySchema().withLineSeparator("\n"));
  private static final ObjectReader READER = MAPPER.readerFor(String[].class).with(CsvSchema.emptySchema());

  /** A file's records as read: the header's fields, then each record's with its line number. */
  public record Table(List<String> header, List<Record> records) {
  }

  /** One record after the header, and the line it starts on (1 is the header). */
  public record Record(int line, String[] fields) {
  }

  private Csv() {
  }

  /** The text of a file: the header, then one line per row. */
  public static String write(List<String> header, List<? extends List<String>> rows) {
    StringBuilder text = new StringBuilder();
    line(text, header);
    rows.forEach(row -> line(text, row));
    return text.toString();
  }

  private static void line(StringBuilder text, List<String> fields) {
    try {
      text.append(WRITER.writeValueAsString(fields.toArray(String[]::new)));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write a CSV line of strings", e);
    }
  }

  /**
   * Reads a file's text.
   *
   * @param file names the file in messages
   * @throws IOException if the text is not CSV (an unclosed quote, say) or has no header line
   */
  public static Table read(String file, String text) throws IOException {
    List<String> header = null;
    List<Record> records = new ArrayList<>();
    try (MappingIterator<String[]> lines = READER.readValues(text)) {
      while (lines.hasNextValue()) {
        int line = lines.getParser().currentLocation().getLineNr();
        String[] fields = lines.nextValue();
        if (header == null) {
          header = List.of(fields);
        } else {
          records.add(new Record(line, fields));
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new IOException(file + ": not readable as CSV: " + e.getMessage(), e);
    }
    if (header == null) {
      throw new IOException(file + ": empty, expected a header line");
    }
    return new Table(header, records);
  }

  /** {@code fields} as a list, for {@link #write}. */
  public static List<String> row(String... fields) {
    return Arrays.asList(fields);
  }
}
