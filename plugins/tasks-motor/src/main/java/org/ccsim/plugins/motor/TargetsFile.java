package org.ccsim.plugins.motor;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.ccsim.api.ConfigException;
import org.ccsim.api.DataFile;

/**
 * Reads reaching targets from a CSV file: one target {@code x,y} per line (the end point of the
 * movement from the origin); blank lines and lines starting with {@code #} are skipped.
 */
final class TargetsFile {

  /** At most as many targets as evenly spaced ones. */
  static final int MAX_TARGETS = 3600;

  private TargetsFile() {
  }

  /**
   * @param parameter the parameter naming the file, where a problem is reported
   * @throws ConfigException naming the file and line of the first bad line
   */
  static double[][] read(String parameter, DataFile file) {
    List<double[]> targets = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(file.path(), StandardCharsets.UTF_8)) {
      int number = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        number++;
        String text = line.strip();
        if (text.isEmpty() || text.startsWith("#")) {
          continue;
        }
        if (targets.size() == MAX_TARGETS) {
          throw new ConfigException(parameter, file.relative() + " line " + number + ": more than " + MAX_TARGETS
              + " targets");
        }
        targets.add(target(parameter, file, number, text));
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

  private static double[] target(String parameter, DataFile file, int number, String text) {
    String[] fields = text.split(",", -1);
    try {
      if (fields.length == 2) {
        double x = Double.parseDouble(fields[0].strip());
        double y = Double.parseDouble(fields[1].strip());
        if (Double.isFinite(x) && Double.isFinite(y)) {
          return new double[] {x, y};
        }
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    String shown = text.length() <= 40 ? text : text.substring(0, 40) + "...";
    throw new ConfigException(parameter, file.relative() + " line " + number
        + ": expected two finite numbers x,y (got '" + shown + "')");
  }
}
