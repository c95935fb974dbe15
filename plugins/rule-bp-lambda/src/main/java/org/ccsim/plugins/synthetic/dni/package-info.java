/** The rule {@code dni}: n-step DNI (Jaderberg et al. 2017; ALGORITHMS §3a). */
package org.ccsim.plugins.synthetic.dni;
