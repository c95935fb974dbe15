/**
 * Plugin {@code rule-bp-lambda}: synthetic gradients (ALGORITHMS §3). Rules {@code bp-lambda}
 * (accumulate BP(lambda), Pemberton &amp; Costa, TMLR 2024), {@code dni} (n-step DNI, Jaderberg et
 * al. 2017) and {@code lambda-sg} (the offline forward view); synthesisers {@code linear} and
 * {@code mlp}. {@code bp-lambda} and {@code dni} accept the lesion actions of ALGORITHMS §4
 * ({@link org.ccsim.plugins.bplambda.Lesions}) with any synthesiser, the {@code cerebellum} of
 * plugin cerebellum included.
 */
package org.ccsim.plugins.bplambda;
