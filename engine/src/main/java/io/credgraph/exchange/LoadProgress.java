package io.credgraph.exchange;

/**
 * Where a load stands.
 *
 * @param batch the batch being read
 * @param lines lines read in this batch so far
 * @param bytesRead bytes of the batch file read so far (compressed bytes for a gzipped batch)
 * @param totalBytes the batch file's size
 * @param elapsedMillis since the batch started
 */
public record LoadProgress(
    String batch, long lines, long bytesRead, long totalBytes, long elapsedMillis) {

  public double linesPerSecond() {
    return elapsedMillis == 0 ? 0 : lines * 1000.0 / elapsedMillis;
  }

  /** Remaining time estimated from the share of bytes read; -1 when unknown. */
  public long remainingMillis() {
    if (bytesRead <= 0 || totalBytes <= 0 || bytesRead > totalBytes) {
      return -1;
    }
    return (long) (elapsedMillis * (double) (totalBytes - bytesRead) / bytesRead);
  }

  public double fractionDone() {
    return totalBytes <= 0 ? 0 : Math.min(1.0, (double) bytesRead / totalBytes);
  }
}
