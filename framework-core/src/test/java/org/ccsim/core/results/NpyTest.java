package org.ccsim.core.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Arrays in NumPy's .npy format 1.0, as numpy.save writes them, and back. */
class NpyTest {

  @Test
  void theHeaderIsNumpysAndTheValuesReadBackBitForBit() {
    double[] values = {1.5, -0.0, Double.MIN_VALUE, Double.NaN, 1e300};
    byte[] npy = Npy.of(values);
    assertEquals("\u0093NUMPY", new String(npy, 0, 6, StandardCharsets.ISO_8859_1));
    assertEquals(1, npy[6]);
    assertEquals(0, npy[7]);
    int headerLength = (npy[8] & 0xff) | (npy[9] & 0xff) << 8;
    assertEquals(0, (10 + headerLength) % 64, "the values start on a 64-byte boundary");
    String header = new String(npy, 10, headerLength, StandardCharsets.US_ASCII);
    assertTrue(header.startsWith("{'descr': '>f8', 'fortran_order': False, 'shape': (5,), }"), header);
    assertTrue(header.endsWith(" \n"), header);
    assertEquals(10 + headerLength + 5 * 8, npy.length);
    assertArrayEquals(Arrays.stream(values).mapToLong(Double::doubleToRawLongBits).toArray(),
        Arrays.stream((double[]) Npy.read(npy)).mapToLong(Double::doubleToRawLongBits).toArray());
  }

  @Test
  void integersAndEmptyArraysRoundTrip() {
    assertArrayEquals(new long[] {Long.MIN_VALUE, 0, 7}, (long[]) Npy.read(Npy.of(new long[] {Long.MIN_VALUE, 0, 7})));
    assertArrayEquals(new double[0], (double[]) Npy.read(Npy.of(new double[0])));
  }

  @Test
  void otherArraysAreRefused() {
    byte[] npy = Npy.of(new double[] {1, 2});
    byte[] cut = Arrays.copyOf(npy, npy.length - 1);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Npy.read(cut)).getMessage().contains("2 values"));
    byte[] little = npy.clone();
    little[10 + "{'descr': '".length()] = '<';
    assertThrows(IllegalArgumentException.class, () -> Npy.read(little));
    assertThrows(IllegalArgumentException.class, () -> Npy.read("not numpy".getBytes(StandardCharsets.US_ASCII)));
  }
}
