/**
 * Plugin {@code rule-bp-lambda}: synthetic-gradient learning rules (ALGORITHMS §3), one package per
 * rule: {@link org.ccsim.plugins.synthetic.bplambda} ({@code bp-lambda}, accumulate BP(lambda),
 * Pemberton &amp; Costa, TMLR 2024), {@link org.ccsim.plugins.synthetic.dni} ({@code dni}, n-step DNI,
 * Jaderberg et al. 2017) and {@link org.ccsim.plugins.synthetic.lambdasg} ({@code lambda-sg}, the
 * offline forward view). This package holds what they share: their parameters, the lock-step batch
 * of cortex records, the host-owned synthesiser training, the diagnostics, the lambda-targets and
 * the lesion actions of ALGORITHMS §4 ({@link org.ccsim.plugins.synthetic.Lesions}), which
 * {@code bp-lambda} and {@code dni} accept with any synthesiser. The synthesisers are in plugins
 * {@code synthesisers} ({@code linear}, {@code mlp}) and {@code cerebellum}.
 */
package org.ccsim.plugins.synthetic;
