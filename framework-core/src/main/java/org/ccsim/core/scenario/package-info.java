/**
 * What the user describes: scenario files read with Jackson, {@code --set} overrides, and validation
 * against the parameters each component declares, into immutable records. Every problem is reported
 * as {@code file: $.json.path: rule broken}; nothing here builds or runs a component.
 */
package org.ccsim.core.scenario;
