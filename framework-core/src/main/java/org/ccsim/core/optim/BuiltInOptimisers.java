package org.ccsim.core.optim;

import java.util.List;
import org.ccsim.api.ComponentType;

/** The optimisers built into the host, which every scenario can name. */
public final class BuiltInOptimisers {

  /** {@code sgd}, {@code adam}, {@code clip-norm}, {@code clip-tensor-norm}. */
  public static final List<ComponentType<?>> TYPES = List.of(new SgdType(), new AdamType(), new ClipNormType(false),
      new ClipNormType(true));

  private BuiltInOptimisers() {
  }
}
