package org.ccsim.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Jackson's polymorphic typing (a class name in the JSON choosing what to instantiate) is never
 * enabled on user input (issue 7): the mappers that read scenarios have no default typing, and no
 * main source turns it on.
 */
class NoPolymorphicTypingTest {

  private static final Pattern TYPING = Pattern.compile("activateDefaultTyping|enableDefaultTyping|JsonTypeInfo");

  @Test
  void theMappersThatReadScenariosHaveNoDefaultTyping() {
    for (ObjectMapper mapper : List.of(new ScenarioReader(FakeComponents.registry()).mapper, ComponentJson.MAPPER)) {
      for (Class<?> type : List.of(Object.class, JsonNode.class)) {
        assertNull(mapper.getDeserializationConfig().getDefaultTyper(mapper.constructType(type)), type.getName());
      }
    }
  }

  @Test
  void noMainSourceEnablesPolymorphicTyping() throws IOException {
    Path root = Path.of("").toAbsolutePath().getParent();
    assertTrue(Files.readString(root.resolve("pom.xml")).contains("<artifactId>ccsim-parent</artifactId>"), root.toString());
    try (Stream<Path> files = Files.walk(root)) {
      List<Path> sources = files.filter(f -> f.toString().endsWith(".java"))
          .filter(f -> f.toString().contains("/src/main/java/") && !f.toString().contains("/target/")).toList();
      assertTrue(sources.size() > 100, "main sources found: " + sources.size());
      List<Path> typing = sources.stream().filter(NoPolymorphicTypingTest::enablesTyping).toList();
      assertEquals(List.of(), typing);
    }
  }

  private static boolean enablesTyping(Path source) {
    try {
      return TYPING.matcher(Files.readString(source)).find();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
