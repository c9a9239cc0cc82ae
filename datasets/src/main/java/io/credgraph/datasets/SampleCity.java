package io.credgraph.datasets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample city: a small curated Zhongshan of about 300 subjects whose stories
 * (datasets/STORIES.md, and as data in {@link #STORIES}) exercise every rule of DOMAIN.md section 5
 * and every record status. A named fixture for engine tests, the contract kit, API tests, {@code
 * credgraph demo} and the docs.
 *
 * <p>The clean batches are classpath resources under {@value #RESOURCE_DIR}, in load order {@link
 * #batches()}; the deliberately bad lines for the rejection-report demo are apart ({@link
 * #BAD_LINES}) and never among the batches.
 */
public final class SampleCity {
  /** Classpath folder of the clean batches, {@code index.txt} and {@code stories.yaml}. */
  public static final String RESOURCE_DIR = "/io/credgraph/datasets/sample/";

  /** File name of the stories as data (asOf, question, expected answer). */
  public static final String STORIES = "stories.yaml";

  /**
   * Classpath resource of the deliberately bad lines (one per class of bad input of EXCHANGE.md).
   */
  public static final String BAD_LINES =
      "/io/credgraph/datasets/sample-bad/99-bad-lines-demo.jsonl";

  private SampleCity() {}

  /** The clean batch file names, in load order. */
  public static List<String> batches() {
    List<String> names = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(resource(RESOURCE_DIR + "index.txt"), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank()) {
          names.add(line.strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the sample city's index", e);
    }
    return List.copyOf(names);
  }

  /** Opens one clean batch by file name (one of {@link #batches()}); the caller closes it. */
  public static InputStream open(String batch) {
    if (!batches().contains(batch)) {
      throw new IllegalArgumentException(
          "the sample city has no batch '" + batch + "' (it has " + batches() + ")");
    }
    return resource(RESOURCE_DIR + batch);
  }

  /** Opens {@code stories.yaml}; the caller closes it. */
  public static InputStream openStories() {
    return resource(RESOURCE_DIR + STORIES);
  }

  /** Opens the file of deliberately bad lines; the caller closes it. */
  public static InputStream openBadLines() {
    return resource(BAD_LINES);
  }

  /** The lines of one clean batch. */
  public static List<String> lines(String batch) {
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(open(batch), StandardCharsets.UTF_8))) {
      return r.lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read sample batch " + batch, e);
    }
  }

  /**
   * Copies the clean batches into {@code dir} (created if missing), ready for {@code credgraph load
   * dir}.
   *
   * @return the copied files, in load order
   */
  public static List<Path> copyTo(Path dir) {
    try {
      Files.createDirectories(dir);
      List<Path> out = new ArrayList<>();
      for (String b : batches()) {
        try (InputStream in = open(b)) {
          Path target = dir.resolve(b);
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
          out.add(target);
        }
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot copy the sample city to " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Copies the file of bad lines into {@code dir}; it is named to sort after the clean batches. */
  public static Path copyBadLinesTo(Path dir) {
    try {
      Files.createDirectories(dir);
      Path target = dir.resolve(BAD_LINES.substring(BAD_LINES.lastIndexOf('/') + 1));
      try (InputStream in = openBadLines()) {
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot copy the sample's bad lines to " + dir + ": " + e.getMessage(), e);
    }
  }

  private static InputStream resource(String path) {
    InputStream in = SampleCity.class.getResourceAsStream(path);
    if (in == null) {
      throw new IllegalStateException(
          "the sample city resource " + path + " is not on the classpath");
    }
    return in;
  }
}
