package org.ccsim.plugins.openblas;

import org.bytedeco.javacpp.DoublePointer;

/**
 * One thread's native buffers for the operands of a CBLAS call, grown on demand and then reused:
 * the call's stretches of the Java arrays are copied in, the output's copied back.
 */
final class NativeOperands {

  private DoublePointer first = new DoublePointer();
  private DoublePointer second = new DoublePointer();
  private DoublePointer output = new DoublePointer();

  /** The first input (A), holding {@code values[offset, offset + length)}. */
  DoublePointer first(double[] values, int offset, int length) {
    first = fit(first, length);
    first.put(values, offset, length);
    return first;
  }

  /** The second input (B or x), holding {@code values[offset, offset + length)}. */
  DoublePointer second(double[] values, int offset, int length) {
    second = fit(second, length);
    second.put(values, offset, length);
    return second;
  }

  /** The output buffer of {@code length} values, filled from {@code values} only when {@code read}. */
  DoublePointer output(double[] values, int offset, int length, boolean read) {
    output = fit(output, length);
    if (read) {
      output.put(values, offset, length);
    }
    return output;
  }

  /** Copies the output's rows back, leaving the values between rows as they were. */
  void copyOutput(double[] values, int offset, Stretch stretch) {
    if (stretch.contiguous()) {
      output.get(values, offset, stretch.length());
      return;
    }
    for (int i = 0; i < stretch.rows(); i++) {
      output.position((long) i * stretch.lead()).get(values, offset + i * stretch.lead(), stretch.columns());
    }
    output.position(0);
  }

  private static DoublePointer fit(DoublePointer buffer, int length) {
    if (buffer.capacity() >= length) {
      return buffer;
    }
    buffer.close();
    return new DoublePointer(Math.max(length, 2 * buffer.capacity()));
  }
}
