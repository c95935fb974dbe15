package org.ccsim.plugins.plants;

import java.util.List;
import org.ccsim.api.BuildContext;
import org.ccsim.api.Config;
import org.ccsim.api.ConfigException;
import org.ccsim.api.Param;
import org.ccsim.api.Plant;
import org.ccsim.api.PlantType;
import org.ccsim.api.Range;
import org.pf4j.Extension;

/**
 * The component {@code two-joint-arm}: {@link TwoJointArm}. The segments' defaults are those of the
 * two-joint skeleton of MotorNet's {@code RigidTendonArm26} (Codol et al., eLife 2024), as are the
 * joint ranges (shoulder 0 to 135 degrees, elbow 0 to 155 degrees) and the step of 0.01 s; the
 * torque scale, the activation time constant, the viscosity and the barrier at the limits are this
 * plant's own choices.
 */
@Extension
public final class TwoJointArmType implements PlantType {

  @Override
  public String id() {
    return "two-joint-arm";
  }

  @Override
  public String description() {
    return "a planar shoulder-elbow arm turned by torques through first-order activation; state [theta1, theta2, "
        + "omega1, omega2, a1, a2] (rad, rad/s, 1), command u (1, torque = maxTorque a), observed hand [x, y, vx, vy] "
        + "(m, m/s) and joint angles (rad); segments of MotorNet's arm26";
  }

  @Override
  public List<Param> parameters() {
    Range positive = Range.greaterThan(0);
    return List.of(
        Param.real("upperArmMass", 1.82, positive, "upper arm's mass m1 (kg)"),
        Param.real("forearmMass", 1.43, positive, "forearm's (and hand's) mass m2 (kg)"),
        Param.real("upperArmLength", 0.309, positive, "upper arm's length l1, shoulder to elbow (m)"),
        Param.real("forearmLength", 0.333, positive, "forearm's length l2, elbow to hand (m)"),
        Param.real("upperArmCentre", 0.135, positive, "distance g1 from the shoulder to the upper arm's centre of mass (m)"),
        Param.real("forearmCentre", 0.165, positive, "distance g2 from the elbow to the forearm's centre of mass (m)"),
        Param.real("upperArmInertia", 0.051, positive, "upper arm's moment of inertia I1 about its centre of mass (kg m^2)"),
        Param.real("forearmInertia", 0.057, positive, "forearm's moment of inertia I2 about its centre of mass (kg m^2)"),
        Param.real("maxTorque", 5.0, positive, "torque T at activation 1 (N m)"),
        Param.real("tau", 0.05, positive, "activation time constant (s): a' = a + (dt / tau) (u - a)"),
        Param.real("viscosity", 0.0, Range.atLeast(0), "joint viscosity b (N m s/rad): the torque -b omega"),
        Param.real("dt", 0.01, positive, "the time of one step (s); at most tau"),
        Param.real("shoulderLow", 0.0, Range.between(-Math.PI, Math.PI), "shoulder's lower limit (rad)"),
        Param.real("shoulderHigh", Math.toRadians(135), Range.between(-Math.PI, Math.PI), "shoulder's upper limit (rad)"),
        Param.real("elbowLow", 0.0, Range.between(-Math.PI, Math.PI), "elbow's lower limit (rad)"),
        Param.real("elbowHigh", Math.toRadians(155), Range.between(-Math.PI, Math.PI), "elbow's upper limit (rad)"),
        Param.real("limitStiffness", 20.0, Range.atLeast(0), "stiffness k of the barrier beyond a limit (N m/rad)"),
        Param.real("limitWidth", 0.05, positive, "width w over which the barrier turns on (rad)"),
        Param.real("shoulder", Math.toRadians(45), Range.between(-Math.PI, Math.PI), "shoulder angle at the start (rad)"),
        Param.real("elbow", Math.toRadians(90), Range.between(-Math.PI, Math.PI), "elbow angle at the start (rad)"));
  }

  @Override
  public Plant create(Config config, BuildContext context) {
    if (config.real("dt") > config.real("tau")) {
      throw new ConfigException("dt", "must be at most tau (" + config.real("tau") + " s), or the activation overshoots");
    }
    for (String joint : List.of("shoulder", "elbow")) {
      if (config.real(joint + "Low") >= config.real(joint + "High")) {
        throw new ConfigException(joint + "High", "must be above " + joint + "Low (" + config.real(joint + "Low") + ")");
      }
    }
    TwoJointArm.Segments segments = new TwoJointArm.Segments(config.real("upperArmMass"), config.real("forearmMass"),
        config.real("upperArmLength"), config.real("forearmLength"), config.real("upperArmCentre"),
        config.real("forearmCentre"), config.real("upperArmInertia"), config.real("forearmInertia"));
    TwoJointArm.Limits limits = new TwoJointArm.Limits(config.real("shoulderLow"), config.real("shoulderHigh"),
        config.real("elbowLow"), config.real("elbowHigh"), config.real("limitStiffness"), config.real("limitWidth"));
    return new TwoJointArm(segments, limits, config.real("maxTorque"), config.real("viscosity"), config.real("tau"),
        config.real("dt"), config.real("shoulder"), config.real("elbow"));
  }
}
