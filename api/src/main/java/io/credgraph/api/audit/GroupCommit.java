package io.credgraph.api.audit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Group commit of the audit chain. Each append takes the next sequence number and links to the head
 * under a short lock, then waits until its line is on disk. The first waiter finding no write in
 * progress becomes the leader: it takes every line queued so far and writes them with one write and
 * one fsync, outside the lock, while new appends queue for the next group; then it wakes the group.
 * An append returns only once its line is forced.
 *
 * <p>A failed write (full disk, I/O error) fails its group and every line queued behind it (they
 * link to lines that are not on disk): the file is cut back to its last durable length and the
 * chain continues from the last durable line, so the next append may succeed when space returns. If
 * the file cannot be cut back, the log refuses every further append until restart (which repairs an
 * incomplete last line).
 */
final class GroupCommit {
  private final AuditFile file;
  private final AuditLines lines = new AuditLines();
  private final AuditChain chain;
  private final int maxGroup;
  private final Consumer<AuditEntry> durable;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition flushed = lock.newCondition();

  // guarded by lock
  private long seq;
  private String head;
  private long durableSeq;
  private String durableHead;
  private long durableBytes;
  private List<Pending> queue = new ArrayList<>();
  private boolean flushing;
  private String broken;
  private long groups;

  private static final int PENDING = 0;
  private static final int DONE = 1;
  private static final int FAILED = 2;

  private static final class Pending {
    final AuditEntry entry;
    final byte[] line;
    final String link;
    int state = PENDING;
    IOException failure;

    Pending(AuditEntry entry, byte[] line, String link) {
      this.entry = entry;
      this.line = line;
      this.link = link;
    }
  }

  /**
   * @param maxGroup the most lines per write and fsync (1: one fsync per entry, for comparison)
   * @param durable told of every entry once it is on disk, in order
   */
  GroupCommit(
      AuditFile file,
      AuditChain chain,
      long entries,
      String head,
      long bytes,
      int maxGroup,
      Consumer<AuditEntry> durable) {
    this.file = file;
    this.chain = chain;
    this.seq = entries;
    this.head = head;
    this.durableSeq = entries;
    this.durableHead = head;
    this.durableBytes = bytes;
    this.maxGroup = Math.max(1, maxGroup);
    this.durable = durable;
  }

  /**
   * Builds the next entry from its sequence number and {@code prev}, appends it and returns it once
   * it is on disk.
   *
   * @throws AuditUnavailableException when it could not be written (nothing was acknowledged)
   */
  AuditEntry append(BiFunction<Long, String, AuditEntry> make) {
    lock.lock();
    try {
      if (broken != null) {
        throw new AuditUnavailableException(broken, null);
      }
      AuditEntry e = make.apply(seq + 1, head);
      byte[] line = lines.encode(e);
      String link = chain.link(line, line.length);
      Pending p = new Pending(e, line, link);
      queue.add(p);
      seq = e.seq();
      head = link;
      while (p.state == PENDING) {
        if (flushing) {
          flushed.awaitUninterruptibly();
        } else {
          lead();
        }
      }
      if (p.state == FAILED) {
        throw new AuditUnavailableException(
            "cannot write the audit log " + file.path() + ": " + p.failure.getMessage(), p.failure);
      }
      return e;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Writes the queued lines as one group; called with the lock held, releases it during the write.
   */
  private void lead() {
    flushing = true;
    int n = Math.min(queue.size(), maxGroup);
    List<Pending> group = new ArrayList<>(queue.subList(0, n));
    queue = new ArrayList<>(queue.subList(n, queue.size()));
    List<byte[]> out = new ArrayList<>(n);
    long size = 0;
    for (Pending p : group) {
      out.add(p.line);
      size += p.line.length + 1;
    }
    IOException failure = null;
    lock.unlock();
    try {
      file.append(out);
    } catch (IOException e) {
      failure = e;
    } finally {
      lock.lock();
    }
    flushing = false;
    groups++;
    if (failure == null) {
      Pending last = group.get(group.size() - 1);
      durableSeq = last.entry.seq();
      durableHead = last.link;
      durableBytes += size;
      for (Pending p : group) {
        p.state = DONE;
        durable.accept(p.entry);
      }
    } else {
      for (Pending p : group) {
        p.state = FAILED;
        p.failure = failure;
      }
      for (Pending p : queue) {
        p.state = FAILED;
        p.failure = failure;
      }
      queue = new ArrayList<>();
      seq = durableSeq;
      head = durableHead;
      try {
        file.truncate(durableBytes);
      } catch (IOException e) {
        broken =
            "the audit log "
                + file.path()
                + " could not be cut back after a failed write ("
                + e.getMessage()
                + "); restart the server to repair it";
      }
    }
    flushed.signalAll();
  }

  long durableSeq() {
    lock.lock();
    try {
      return durableSeq;
    } finally {
      lock.unlock();
    }
  }

  String durableHead() {
    lock.lock();
    try {
      return durableHead;
    } finally {
      lock.unlock();
    }
  }

  long durableBytes() {
    lock.lock();
    try {
      return durableBytes;
    } finally {
      lock.unlock();
    }
  }

  /** How many groups were written (each one write and one fsync). */
  long groups() {
    lock.lock();
    try {
      return groups;
    } finally {
      lock.unlock();
    }
  }

  /** Closes the file once no group is being written. */
  void close() throws IOException {
    lock.lock();
    try {
      while (flushing) {
        flushed.awaitUninterruptibly();
      }
      broken = "the audit log " + file.path() + " is closed";
      file.close();
    } finally {
      lock.unlock();
    }
  }
}
