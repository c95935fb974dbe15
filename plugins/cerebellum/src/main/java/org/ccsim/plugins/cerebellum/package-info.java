/**
 * Plugin {@code cerebellum}: the cerebellar synthesiser of cortico-cerebellar DNI (ALGORITHMS §4;
 * Pemberton et al., NeurIPS 2021; Boven et al., Nat Commun 2023). Mossy fibres carry the cortical
 * state, a sparse random granule layer expands it, and a Purkinje layer reads out the predicted
 * future gradient. The teaching signal (the inferior olive) is the error of the rule that trains it:
 * the TD error of {@code bp-lambda}, or the bootstrapped n-step target of {@code dni}.
 */
package org.ccsim.plugins.cerebellum;
