package org.ccsim.plugins.data;

import java.util.List;
import org.ccsim.api.BuildContext;
import org.ccsim.api.Config;
import org.ccsim.api.ConfigException;
import org.ccsim.api.DataFolder;
import org.ccsim.api.Param;
import org.ccsim.api.Range;
import org.ccsim.api.Task;
import org.ccsim.api.TaskType;
import org.pf4j.Extension;

/**
 * The component {@code sequential-image}: {@link SequentialImage} on the IDX files of a dataset
 * folder, by default Fashion-MNIST as Debian's package {@code dataset-fashion-mnist} installs it
 * ({@code /usr/share/datasets/fashion-mnist}). The folder is read once per scenario, the images kept
 * declared ({@link BuildContext#reserveMemory}) before they are read; a missing or corrupt file is
 * refused at {@code data} with the file and what is wrong.
 */
@Extension
public final class SequentialImageType implements TaskType {

  @Override
  public String id() {
    return "sequential-image";
  }

  @Override
  public String description() {
    return "an image's pixels as a sequence (a row per step by default), its class at the last step; softmax cross-entropy";
  }

  @Override
  public List<Param> parameters() {
    return List.of(
        Param.dataset("data", "fashion-mnist",
            "folder of train-/t10k-images-idx3-ubyte[.gz] and -labels-idx1-ubyte[.gz] (MNIST or Fashion-MNIST)"),
        Param.integer("pixelsPerStep", 28, Range.between(1, 1_000_000),
            "pixels read per step, row-major: 28 = a row per step (T = 28), 1 = pixel by pixel (T = 784); divides the image"),
        Param.optionalInteger("trainExamples", Range.between(1, 100_000_000),
            "train on the first N training images only (absent: all; a subset keeps a scenario fast)"),
        Param.optionalInteger("testExamples", Range.between(1, 100_000_000),
            "keep the first N test images only (absent: all)"));
  }

  @Override
  public Task create(Config config, BuildContext context) {
    DataFolder data = config.dataset("data");
    int perStep = config.integer("pixelsPerStep");
    try (SplitFiles train = SplitFiles.open(data.path(), "train"); SplitFiles test = SplitFiles.open(data.path(), "t10k")) {
      if (train.pixels() % perStep != 0) {
        throw new ConfigException("pixelsPerStep", "must divide the " + train.rows() + " x " + train.columns() + " = "
            + train.pixels() + " pixels of an image (got " + perStep + ")");
      }
      if (test.rows() != train.rows() || test.columns() != train.columns()) {
        throw new ConfigException("data", "the test images are " + test.rows() + " x " + test.columns()
            + " but the training images " + train.rows() + " x " + train.columns());
      }
      int trainCount = kept(config, "trainExamples", train);
      int testCount = kept(config, "testExamples", test);
      context.reserveMemory("images of " + data.given() + " (train " + trainCount + " + test " + testCount + " images of "
          + train.rows() + " x " + train.columns() + " pixels, and their labels, as bytes)",
          train.bytes(trainCount) + test.bytes(testCount));
      return new SequentialImage(train.read(trainCount), test.read(testCount), perStep);
    } catch (IdxException e) {
      throw new ConfigException("data", e.getMessage());
    }
  }

  /** The images kept of {@code split}: the first {@code trainExamples} (or {@code testExamples}), or all. */
  private static int kept(Config config, String parameter, SplitFiles split) {
    return config.has(parameter) ? Math.min(config.integer(parameter), split.count()) : split.count();
  }
}
