package org.ccsim.plugins.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.ccsim.api.ConfigException;
import org.ccsim.api.DataFolder;
import org.ccsim.api.Episode;
import org.ccsim.api.Task;
import org.ccsim.testkit.TestBuildContext;
import org.ccsim.testkit.TestConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sequential-image} lays an image out as its sequence (pixel chunks in row-major order, the
 * class at the last step only), keeps the subsets asked for and declares their memory, gives the test
 * split as held-out episodes, and refuses a chunk that does not divide the image and a broken file at
 * {@code data}.
 */
class SequentialImageTest {

  @TempDir
  Path dir;

  private Task create(Object... overrides) {
    return create(new TestBuildContext(1), overrides);
  }

  private Task create(TestBuildContext context, Object... overrides) {
    Object[] all = new Object[overrides.length + 2];
    all[0] = "data";
    all[1] = new DataFolder("tiny", dir);
    System.arraycopy(overrides, 0, all, 2, overrides.length);
    return new SequentialImageType().create(TestConfigs.of(new SequentialImageType(), all), context);
  }

  @Test
  void anImageIsReadChunkByChunkAndScoredAtItsLastStep() throws Exception {
    IdxFiles.split(dir, "train", 5);
    IdxFiles.split(dir, "t10k", 3);
    Task task = create("pixelsPerStep", 3);
    assertEquals(3, task.inputSize());
    assertEquals(10, task.outputSize());
    assertEquals(5, task.examples());
    Episode episode = task.example(4);
    assertEquals(2, episode.length(), "2 x 3 pixels, 3 per step");
    assertArrayEquals(new double[] {40 / 255.0, 41 / 255.0, 42 / 255.0}, episode.input(0));
    assertArrayEquals(new double[] {43 / 255.0, 44 / 255.0, 45 / 255.0}, episode.input(1));
    assertFalse(episode.hasTarget(0));
    assertTrue(episode.hasTarget(1));
    assertEquals(1, episode.accuracy(1, scores(4)), "image 4 is of class 4");
    assertEquals(6, create("pixelsPerStep", 1).example(0).length(), "pixel by pixel");
  }

  @Test
  void subsetsKeepTheFirstImagesAndTheTestSplitIsHeldOut() throws Exception {
    IdxFiles.split(dir, "train", 5);
    IdxFiles.split(dir, "t10k", 3, 20);
    Task task = create("pixelsPerStep", 3, "trainExamples", 2, "testExamples", 2);
    assertEquals(2, task.examples());
    Task test = task.heldOut(Task.TEST);
    assertEquals(2, test.examples());
    assertArrayEquals(new double[] {210 / 255.0, 211 / 255.0, 212 / 255.0}, test.example(1).input(0),
        "test image 1 is the t10k file's second image");
    assertEquals(1, test.example(1).accuracy(1, scores(1)), "of class 21 % 10");
    assertEquals(task, task.heldOut(Task.TRAIN), "the training split evaluates itself");
    Episode drawn = task.sample(TestBuildContext.random(3));
    assertEquals(2, drawn.length());
    assertEquals(3, create("pixelsPerStep", 3, "trainExamples", 1000, "testExamples", 1000).heldOut(Task.TEST).examples(),
        "a subset larger than the split keeps it all");
  }

  @Test
  void theImagesKeptAreDeclaredBeforeTheyAreRead() throws Exception {
    IdxFiles.split(dir, "train", 5);
    IdxFiles.split(dir, "t10k", 3);
    TestBuildContext context = new TestBuildContext(1);
    create(context, "pixelsPerStep", 3, "trainExamples", 4);
    assertEquals(Map.of("images of tiny (train 4 + test 3 images of 2 x 3 pixels, and their labels, as bytes)",
        (4 + 3) * (6 + 1.0)), context.reservations());
  }

  /** Output scores that pick class {@code c}. */
  private static double[] scores(int c) {
    double[] scores = new double[10];
    scores[c] = 1;
    return scores;
  }

  @Test
  void aChunkThatDoesNotDivideTheImageIsRefused() throws Exception {
    IdxFiles.split(dir, "train", 2);
    IdxFiles.split(dir, "t10k", 2);
    ConfigException e = assertThrows(ConfigException.class, () -> create("pixelsPerStep", 4));
    assertEquals("pixelsPerStep", e.parameter());
    assertEquals("must divide the 2 x 3 = 6 pixels of an image (got 4)", e.getMessage());
  }

  @Test
  void aBrokenFileIsRefusedAtTheDataParameterWithItsName() throws Exception {
    IdxFiles.split(dir, "train", 2);
    ConfigException e = assertThrows(ConfigException.class, () -> create());
    assertEquals("data", e.parameter());
    assertTrue(e.getMessage().startsWith(dir.resolve("t10k-images-idx3-ubyte.gz") + ": no such file"), e.getMessage());
  }
}
