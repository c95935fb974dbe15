/**
 * Plugin {@code rules-online}: the past-facing online gradient rules of the RTRL family (ALGORITHMS
 * §8; Marschall, Cho &amp; Savin, JMLR 2020), which carry an influence matrix forward and run no
 * backward pass.
 */
package org.ccsim.plugins.online;
