package org.ccsim.plugins.motor;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ccsim.api.ConfigException;
import org.ccsim.api.DataFile;

/**
 * Reads reaching targets from a CSV file (jackson-dataformat-csv, the host's CSV library): one target
 * {@code x,y} per line (the end point of the movement from the origin); blank lines and lines
 * starting with {@code #} are skipped.
 */
final class TargetsFile {

  /** At most as many targets as evenly spaced ones. */
  static final int MAX_TARGETS = 3600;

  /** CSV as every ccsim file is (RFC 4180), with comment lines and spaces around fields allowed. */
  private static final ObjectReader READER = CsvMapper.builder()
      .enable(CsvParser.Feature.WRAP_AS_ARRAY, CsvParser.Feature.ALLOW_COMMENTS, CsvParser.Feature.SKIP_EMPTY_LINES,
          CsvParser.Feature.TRIM_SPACES)
      .build().readerFor(String[].class).with(CsvSchema.emptySchema());

  private TargetsFile() {
  }

  /**
   * @param parameter the parameter naming the file, where a problem is reported
   * @throws ConfigException naming the file and line of the first bad line
   */
  static double[][] read(String parameter, DataFile file) {
    List<double[]> targets = new ArrayList<>();
    try (Reader text = Files.newBufferedReader(file.path(), StandardCharsets.UTF_8);
        MappingIterator<String[]> lines = READER.readValues(text)) {
      while (lines.hasNextValue()) {
        int number = lines.getParser().currentLocation().getLineNr();
        String[] fields = lines.nextValue();
        if (Arrays.stream(fields).allMatch(String::isBlank)) {
          continue;
        }
        if (targets.size() == MAX_TARGETS) {
          throw new ConfigException(parameter, file.relative() + " line " + number + ": more than " + MAX_TARGETS
              + " targets");
        }
        targets.add(target(parameter, file, number, fields));
      }
    } catch (CharacterCodingException e) {
      throw new ConfigException(parameter, file.relative() + " is not UTF-8 text");
    } catch (IOException e) {
      throw new ConfigException(parameter, "cannot read " + file.relative() + ": " + e.getMessage());
    }
    if (targets.isEmpty()) {
      throw new ConfigException(parameter, file.relative() + " has no targets: expected lines x,y");
    }
    return targets.toArray(double[][]::new);
  }

  private static double[] target(String parameter, DataFile file, int number, String[] fields) {
    try {
      if (fields.length == 2) {
        double x = Double.parseDouble(fields[0]);
        double y = Double.parseDouble(fields[1]);
        if (Double.isFinite(x) && Double.isFinite(y)) {
          return new double[] {x, y};
        }
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    String text = String.join(",", fields);
    String shown = text.length() <= 40 ? text : text.substring(0, 40) + "...";
    throw new ConfigException(parameter, file.relative() + " line " + number
        + ": expected two finite numbers x,y (got '" + shown + "')");
  }
}
