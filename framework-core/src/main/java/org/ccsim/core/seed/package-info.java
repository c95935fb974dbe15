/** One master seed, a tree of named random streams, every derived seed recorded. */
package org.ccsim.core.seed;
