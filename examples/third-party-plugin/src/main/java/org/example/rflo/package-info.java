/**
 * A third-party ccsim plugin, built outside ccsim's own build: the learning rule {@code rflo}
 * (random-feedback local online learning, Murray 2019). See {@code docs/writing-a-plugin.md}.
 */
package org.example.rflo;
