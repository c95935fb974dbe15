package org.ccsim.plugins.data;

import java.nio.file.Path;

/** A dataset file that is missing, unreadable or not what the IDX format and its dataset require. */
final class IdxException extends Exception {

  IdxException(Path file, String problem) {
    super(file + ": " + problem);
  }
}
