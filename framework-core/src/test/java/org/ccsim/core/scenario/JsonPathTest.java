package org.ccsim.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Paths print as JSONPath, quoting keys that are not plain names. */
class JsonPathTest {

  @ParameterizedTest(name = "key {0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "tbptt-1     | $.tbptt-1",
      "batch_Size2 | $.batch_Size2",
      "bp lambda   | $['bp lambda']",
      "a.b         | $['a.b']",
      "rules/a     | $['rules/a']",
      "it's        | $['it\\'s']",
      "back\\slash | $['back\\\\slash']",
      "\"\"        | $['']"})
  void quotesKeysWithOddCharacters(String key, String expected) {
    assertEquals(expected, JsonPath.ROOT.key(key).toString());
  }

  @ParameterizedTest(name = "pointer {0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "/rules/a/0     | $.rules.a[0]",
      "/phases/1/name | $.phases[1].name",
      "/a~1b/c~0d     | $['a/b']['c~d']",
      "\"\"           | $"})
  void convertsJsonPointers(String pointer, String expected) {
    assertEquals(expected, JsonPath.fromPointer(pointer).toString());
  }
}
