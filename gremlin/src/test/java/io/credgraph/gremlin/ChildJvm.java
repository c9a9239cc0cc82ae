package io.credgraph.gremlin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A main class of the test sources run in a separate JVM with the test class path: for a database server or a
 * writer that a test kills (a copy of the cypher module's, which this module cannot depend on). Its output lines are collected so the test can wait for a line such as {@code READY}.
 */
public final class ChildJvm implements AutoCloseable {
  private static final String END = "\u0000end";
  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> seen = new ArrayList<>();

  private ChildJvm(Process process) {
    this.process = process;
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          lines.add(line);
        }
      } catch (IOException closed) {
        // the process ended
      } finally {
        lines.add(END);
      }
    }, "child-jvm-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code main} with {@code args} in a new JVM (heap 384 MiB) on this JVM's class path. */
  public static ChildJvm start(Class<?> main, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx384m");
    command.add("-XX:+UseSerialGC");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(args));
    return new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).start());
  }

  /** Waits for the first output line that matches; fails with the output so far when the JVM ends or time is up. */
  public String await(Predicate<String> wanted, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      String line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
      if (line == null || END.equals(line)) {
        throw new AssertionError((line == null ? "timed out after " + timeout : "the child JVM ended")
            + " waiting for its output; it printed:\n" + String.join("\n", tail()));
      }
      seen.add(line);
      if (wanted.test(line)) {
        return line;
      }
    }
  }

  /** The output lines not read yet, up to the end of the output (call after the process ended). */
  public List<String> drain() throws InterruptedException {
    List<String> rest = new ArrayList<>();
    for (String line = lines.poll(30, TimeUnit.SECONDS); line != null && !END.equals(line);
        line = lines.poll(30, TimeUnit.SECONDS)) {
      rest.add(line);
      seen.add(line);
    }
    return rest;
  }

  /** Output lines read so far (the last 40). */
  public List<String> tail() {
    return seen.subList(Math.max(0, seen.size() - 40), seen.size());
  }

  /** SIGKILL: the process dies at once, no shutdown hook runs. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(60, TimeUnit.SECONDS);
  }

  /** SIGTERM: the JVM runs its shutdown hooks; returns the exit code. */
  public int terminate(Duration timeout) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the child JVM did not end within " + timeout + " of SIGTERM");
    }
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
