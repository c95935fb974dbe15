/**
 * The rule {@code bp-lambda}: accumulate BP(lambda) (Pemberton &amp; Costa, TMLR 2024; ALGORITHMS
 * §3b), with its eligibility carried online ({@link org.ccsim.plugins.synthetic.bplambda.EligibilityTrace})
 * or summed from the episode's record ({@link org.ccsim.plugins.synthetic.bplambda.EligibilityHistory}).
 */
package org.ccsim.plugins.synthetic.bplambda;
