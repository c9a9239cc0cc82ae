package io.credgraph.model;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds a file of the shared real data ({@code ../shared/data} beside the repository), or null when absent. */
final class SharedData {
  private SharedData() {}

  static Path file(String name) {
    Path dir = Path.of("").toAbsolutePath();
    for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/data").resolve(name);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
      candidate = dir.resolve("../shared/data").resolve(name).normalize();
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
