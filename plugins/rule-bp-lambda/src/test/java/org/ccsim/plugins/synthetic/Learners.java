package org.ccsim.plugins.synthetic;

import org.ccsim.api.JacobianSynthesiser;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.compute.Compute;
import org.ccsim.core.compute.JavaCompute;
import org.ccsim.core.compute.WorkSharing;
import org.ccsim.plugins.synthetic.bplambda.BpLambdaLearner;
import org.ccsim.plugins.synthetic.bplambda.Eligibility;
import org.ccsim.plugins.synthetic.bplambda.TraceForm;

/** Learners for tests, on the default backend, examples one after the other unless asked. */
final class Learners {

  static final Compute JAVA = new JavaCompute();

  private Learners() {
  }

  static BpLambdaLearner trace(JacobianSynthesiser synthesiser, ParameterSet theta, int batch, double lambda, double gamma,
      double maxUpdateNorm) {
    return of(TraceForm.TRACE, synthesiser, theta, batch, lambda, gamma, maxUpdateNorm, false);
  }

  static BpLambdaLearner of(TraceForm form, JacobianSynthesiser synthesiser, ParameterSet theta, int batch, double lambda,
      double gamma, double maxUpdateNorm, boolean parallel) {
    Eligibility eligibility = form.create(synthesiser, theta, JAVA, batch, gamma * lambda, 0);
    return new BpLambdaLearner(synthesiser, theta, eligibility, JAVA, WorkSharing.COMMON, parallel, batch, gamma, maxUpdateNorm);
  }
}
