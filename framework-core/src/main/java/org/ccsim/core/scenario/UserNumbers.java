package org.ccsim.core.scenario;

import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ValueNode;
import java.math.BigDecimal;

/**
 * How a scenario's numbers with a fraction or an exponent become JSON nodes, for a reader with
 * {@code USE_BIG_DECIMAL_FOR_FLOATS}: a number a double can hold is the double nearest to it, exactly as
 * Jackson would read it without the feature (both round correctly); one a double cannot hold, such as
 * {@code 1e400}, stays the exact decimal, so an error message quotes it ({@code got 1E+400}) instead of the
 * {@code Infinity} a double would make of it.
 */
final class UserNumbers extends JsonNodeFactory {

  private static final long serialVersionUID = 1L;

  @Override
  public ValueNode numberNode(BigDecimal value) {
    double nearest = value.doubleValue();
    return Double.isFinite(nearest) ? DoubleNode.valueOf(nearest) : super.numberNode(value);
  }
}
