/** The rule {@code lambda-sg}: the offline forward view of BP(lambda), trained towards lambda-targets (ALGORITHMS §3c). */
package org.ccsim.plugins.synthetic.lambdasg;
