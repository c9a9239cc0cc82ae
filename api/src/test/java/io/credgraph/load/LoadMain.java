package io.credgraph.load;

import io.credgraph.cli.LoadCommand;
import picocli.CommandLine;

/**
 * Runs {@code credgraph load} alone in a JVM, for the crash test's child processes and the load
 * benchmark.
 */
public final class LoadMain {
  private LoadMain() {}

  public static void main(String[] args) {
    System.exit(new CommandLine(new LoadCommand()).execute(args));
  }
}
