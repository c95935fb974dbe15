/**
 * Plugin {@code plants}: bodies a network drives ({@link org.ccsim.api.Plant}), with analytic
 * Jacobians so that every rule assigns credit through them: {@code point-mass}
 * ({@link org.ccsim.plugins.plants.PointMass}), a 2-D mass pushed by forces, and {@code two-joint-arm}
 * ({@link org.ccsim.plugins.plants.TwoJointArm}), a planar shoulder and elbow turned by torques through
 * first-order activation dynamics.
 */
package org.ccsim.plugins.plants;
