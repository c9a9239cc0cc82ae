package io.credgraph.exchange;

import static io.credgraph.exchange.ExchangeLoaderTest.ENT;
import static io.credgraph.exchange.ExchangeLoaderTest.EXAMPLE;
import static io.credgraph.exchange.ExchangeLoaderTest.ZHANG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.credgraph.model.SubjectKey;
import io.credgraph.store.memory.InMemoryGraphStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every class of bad input EXCHANGE.md names, and broken files: the bad line is rejected with its
 * file, line, field and reason; the good lines around it are stored.
 */
class BadInputTest {
  static final String REL =
      "{\"type\":\"relation\",\"rel\":\"SHAREHOLDER\",\"from\":{\"idNumber\":\""
          + ZHANG
          + "\"},\"to\":{\"uscc\":\""
          + ENT
          + "\"},\"since\":\"2016-04-12\"";
  static final String REC =
      "{\"type\":\"record\",\"id\":\"R9\",\"subject\":{\"uscc\":\""
          + ENT
          + "\"},"
          + "\"decidedOn\":\"2020-03-01\"";

  @TempDir Path dir;

  final InMemoryGraphStore store = InMemoryGraphStore.create();
  final List<Rejection> rejections = new ArrayList<>();

  ExchangeLoader loader() {
    return new ExchangeLoader(
        store, LoadOptions.defaults().withChunkLines(2).withRejections(rejections::add));
  }

  static Stream<Arguments> badLines() {
    return Stream.of(
        Arguments.of(
            "malformed JSON", "{\"type\":\"subject\",\"kind\":", "(line)", "malformed JSON"),
        Arguments.of("trailing garbage", EXAMPLE[1] + " xyz", "(line)", "malformed JSON"),
        Arguments.of("not an object", "[1,2,3]", "(line)", "one JSON object"),
        Arguments.of("no type", "{\"kind\":\"PERSON\"}", "type", "needs a \"type\""),
        Arguments.of("unknown type", "{\"type\":\"company\"}", "type", "unknown type 'company'"),
        Arguments.of(
            "unknown kind",
            "{\"type\":\"subject\",\"kind\":\"TEMPLE\",\"uscc\":\"" + ENT + "\",\"name\":\"x\"}",
            "kind",
            "unknown kind 'TEMPLE'"),
        Arguments.of(
            "unknown rel",
            REL.replace("SHAREHOLDER", "FRIEND_OF") + "}",
            "rel",
            "unknown rel 'FRIEND_OF'"),
        Arguments.of(
            "unknown list", REC + ",\"list\":\"GREY_LIST\"}", "list", "unknown list 'GREY_LIST'"),
        Arguments.of(
            "uscc check character",
            "{\"type\":\"subject\",\"kind\":\"ENTERPRISE\",\"uscc\":\""
                + "91442000MA4W1K2X3G\",\"name\":\"x\"}",
            "uscc",
            "should be 'F'"),
        Arguments.of(
            "id number check character",
            REL.replace(ZHANG, "442000198001011238") + "}",
            "from.idNumber",
            "should be '9'"),
        Arguments.of(
            "liable person check character",
            REC
                + ",\"list\":\"LICENCE_REVOKED\",\"liablePersons\":"
                + "[{\"idNumber\":\"442000198001011230\"}]}",
            "liablePersons[0].idNumber",
            "should be '9'"),
        Arguments.of("ratio above 1", REL + ",\"ratio\":1.5}", "ratio", "outside (0, 1]"),
        Arguments.of("ratio zero", REL + ",\"ratio\":0}", "ratio", "outside (0, 1]"),
        Arguments.of("ratio as text", REL + ",\"ratio\":\"60%\"}", "ratio", "must be a number"),
        Arguments.of(
            "date that does not parse",
            REL.replace("2016-04-12", "2016-02-30") + "}",
            "since",
            "is not a date"),
        Arguments.of(
            "date in another form",
            REL.replace("2016-04-12", "12/04/2016") + "}",
            "since",
            "YYYY-MM-DD"),
        Arguments.of(
            "until before since", REL + ",\"until\":\"2015-01-01\"}", "until", "is before since"),
        Arguments.of(
            "end before the relation began",
            "{\"type\":\"end\",\"rel\":\"LEGAL_REP\",\"from\":"
                + "{\"idNumber\":\""
                + ZHANG
                + "\"},\"to\":{\"uscc\":\""
                + ENT
                + "\"},\"until\":\"2010-01-01\"}",
            "until",
            "nothing to end"),
        Arguments.of(
            "status for an unknown record",
            "{\"type\":\"status\",\"record\":\"NOPE-1\",\"status\":"
                + "\"REPAIRED\",\"on\":\"2021-01-01\"}",
            "record",
            "unknown record 'NOPE-1'"),
        Arguments.of(
            "REVOKED to ACTIVE",
            "{\"type\":\"status\",\"record\":\"R1\",\"status\":\"ACTIVE\",\"on\":"
                + "\"2021-09-01\"}",
            "status",
            "cannot become ACTIVE"),
        Arguments.of(
            "relation of the wrong kinds",
            "{\"type\":\"relation\",\"rel\":\"LEGAL_REP\",\"from\":"
                + "{\"uscc\":\""
                + ENT
                + "\"},\"to\":{\"idNumber\":\""
                + ZHANG
                + "\"},\"since\":\"2016-04-12\"}",
            "from",
            "LEGAL_REP goes from [PERSON]"),
        Arguments.of(
            "a criminal penalty without its crime",
            REC + ",\"list\":\"CRIMINAL_PENALTY\"}",
            "crime",
            "needs its crime"),
        Arguments.of(
            "an administrative penalty without its severity",
            REC + ",\"list\":\"ADMINISTRATIVE_PENALTY\"}",
            "severity",
            "needs its severity, GENERAL"),
        Arguments.of(
            "an administrative penalty of an unknown severity",
            REC + ",\"list\":\"ADMINISTRATIVE_PENALTY\",\"severity\":\"MINOR\"}",
            "severity",
            "not \"MINOR\""),
        Arguments.of(
            "an administrative penalty of an unknown penalty",
            REC
                + ",\"list\":\"ADMINISTRATIVE_PENALTY\",\"severity\":\"GENERAL\",\"penalty\":\"CANING\"}",
            "penalty",
            "penalty must be one of"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badLines")
  void aBadLineIsRejectedAndItsNeighboursAreLoaded(
      String what, String bad, String field, String reason) throws IOException {
    String revoked =
        "{\"type\":\"record\",\"id\":\"R1\",\"subject\":{\"uscc\":\""
            + ENT
            + "\"},\"list\":"
            + "\"ABNORMAL_OPERATION\",\"decidedOn\":\"2020-01-01\",\"status\":\"REVOKED\",\"statusOn\":\"2021-03-01\"}";
    Path b = dir.resolve("tax-2024.jsonl");
    Files.writeString(
        b, String.join("\n", EXAMPLE[0], EXAMPLE[1], revoked, bad, EXAMPLE[2]) + "\n");

    LoadReport r = loader().load(b, LoadListener.NONE);

    assertEquals(1, r.rejected(), what + ": " + rejections);
    assertEquals(4, r.accepted(), what + ": " + rejections);
    Rejection x = rejections.get(0);
    assertEquals("tax-2024.jsonl", x.file());
    assertEquals(4, x.line());
    assertEquals(field, x.field(), x.reason());
    assertTrue(x.reason().contains(reason), x.reason());
    assertFalse(
        x.reason().contains(ZHANG.substring(4, 14)), "an ID number never appears in a report");
    assertEquals(1, store.counts().relations(), "the line after the bad one is stored");
    assertEquals(2, store.counts().subjects());
  }

  @Test
  void anAbsentRatioMeansUnknownAndIsAllowed() throws IOException {
    Path b = dir.resolve("b.jsonl");
    Files.writeString(b, String.join("\n", EXAMPLE[0], EXAMPLE[1], REL + "}") + "\n");
    assertTrue(loader().load(b, LoadListener.NONE).clean(), rejections.toString());
    assertTrue(
        store
            .relations(
                SubjectKey.uscc(ENT),
                io.credgraph.store.GraphStore.Direction.INCOMING,
                java.util.Set.of(),
                java.util.Optional.empty())
            .get(0)
            .ratio()
            .isEmpty());
  }

  @Test
  void corruptGzipIsRefusedAsAWholeWithAClearError() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write((String.join("\n", EXAMPLE) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    byte[] b = bytes.toByteArray();
    Path truncated = dir.resolve("court.jsonl.gz");
    Files.write(truncated, java.util.Arrays.copyOf(b, b.length - 12));
    b[b.length / 2] ^= 0x5a;
    Path flipped = dir.resolve("court2.jsonl.gz");
    Files.write(flipped, b);

    LoadReport r = loader().load(truncated, LoadListener.NONE);
    assertRefused(r, "corrupt gzip");
    assertRefused(loader().load(flipped, LoadListener.NONE), "gzip");
    assertEquals(0, store.version(), "nothing was written");
  }

  @Test
  void gzipIsRecognisedByItsContentAndHashesLikeThePlainBatch() throws IOException {
    Path plain = dir.resolve("a.jsonl");
    Files.writeString(plain, String.join("\n", EXAMPLE) + "\n");
    Path gz = dir.resolve("a.jsonl.gz");
    try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      Files.copy(plain, out);
    }
    LoadReport first = loader().load(gz, LoadListener.NONE);
    assertEquals(7, first.accepted());
    assertEquals(
        BatchReport.Outcome.ALREADY_LOADED,
        loader().load(plain, LoadListener.NONE).batches().get(0).outcome(),
        "the same content, compressed or not, is the same batch");
  }

  @Test
  void anEmptyFileIsRefused() throws IOException {
    Path empty = Files.createFile(dir.resolve("empty.jsonl"));
    assertRefused(loader().load(empty, LoadListener.NONE), "empty");
  }

  @Test
  void binaryGarbageIsRefused() throws IOException {
    byte[] junk = new byte[100_000];
    new Random(7).nextBytes(junk);
    Path p = dir.resolve("photo.jsonl");
    Files.write(p, junk);
    assertRefused(loader().load(p, LoadListener.NONE), "binary data");
    Path fake = dir.resolve("fake.jsonl.gz");
    Files.writeString(fake, EXAMPLE[0]);
    assertRefused(loader().load(fake, LoadListener.NONE), "not gzip");
  }

  @Test
  void invalidUtf8OnALineRejectsThatLineOnly() throws IOException {
    Path p = dir.resolve("b.jsonl");
    byte[] bad =
        "{\"type\":\"subject\",\"kind\":\"PERSON\",\"idNumber\":\"442000198001011239\",\"name\":\"\u5f20"
            .getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write((EXAMPLE[0] + "\n").getBytes(StandardCharsets.UTF_8));
    out.write(bad, 0, bad.length - 1);
    out.write("\"}\n".getBytes(StandardCharsets.UTF_8));
    Files.write(p, out.toByteArray());
    LoadReport r = loader().load(p, LoadListener.NONE);
    assertEquals(1, r.accepted());
    assertEquals(1, r.rejected());
    assertTrue(rejections.get(0).reason().contains("UTF-8"), rejections.get(0).reason());
  }

  /**
   * A 1 GiB line generated on the fly (never on disk) is rejected in bounded memory; the next line
   * loads.
   */
  @Test
  void aOneGigabyteLineIsRejectedWithoutHoldingIt() {
    long size = 1L << 30;
    byte[] head =
        "{\"type\":\"subject\",\"kind\":\"PERSON\",\"name\":\"".getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\"}\n" + EXAMPLE[0] + "\n").getBytes(StandardCharsets.UTF_8);
    BatchSource huge =
        BatchSource.of(
            "huge.jsonl",
            size + head.length + tail.length,
            () -> new GeneratedStream(head, size, tail));
    Runtime rt = Runtime.getRuntime();
    LoadReport r = loader().loadAll(List.of(huge), LoadListener.NONE);
    assertEquals(1, r.rejected());
    assertEquals(1, r.accepted(), "the line after the huge one is stored");
    Rejection x = rejections.get(0);
    assertEquals(1, x.line());
    assertTrue(x.reason().contains("more than the limit of 1048576 bytes"), x.reason());
    assertTrue(
        rt.totalMemory() < (1L << 30) + (256L << 20) || rt.maxMemory() < (1L << 30),
        "the line was never held in memory");
  }

  @Test
  void rejectionsAreWrittenAsJsonLines() throws IOException {
    Path out = dir.resolve("rejections.jsonl");
    Path b = dir.resolve("b.jsonl");
    Files.writeString(b, "{bad\n" + EXAMPLE[0] + "\n{\"type\":\"x\"}\n");
    try (RejectionFile file = RejectionFile.create(out)) {
      new ExchangeLoader(store, LoadOptions.defaults().withRejections(file))
          .load(b, LoadListener.NONE);
    }
    List<String> lines = Files.readAllLines(out);
    assertEquals(2, lines.size());
    JsonNode second = new ObjectMapper().readTree(lines.get(1));
    assertEquals("b.jsonl", second.path("file").asText());
    assertEquals(3, second.path("line").asLong());
    assertEquals("type", second.path("field").asText());
    assertTrue(second.path("reason").asText().contains("unknown type 'x'"));
  }

  private void assertRefused(LoadReport r, String reason) {
    BatchReport b = r.batches().get(0);
    assertEquals(BatchReport.Outcome.REFUSED, b.outcome());
    assertTrue(b.error().contains(reason), b.error());
    assertEquals(1, r.refused());
    assertFalse(r.clean());
    assertTrue(
        rejections.stream()
            .anyMatch(x -> x.field().equals("(file)") && x.reason().contains(reason)));
  }

  /** head, then {@code size} bytes of 'x', then tail; nothing is materialised. */
  static final class GeneratedStream extends InputStream {
    private final byte[] head;
    private final byte[] tail;
    private final long size;
    private long pos;

    GeneratedStream(byte[] head, long size, byte[] tail) {
      this.head = head;
      this.size = size;
      this.tail = tail;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      long total = head.length + size + tail.length;
      if (pos >= total) {
        return -1;
      }
      int n = (int) Math.min(len, total - pos);
      int i = 0;
      while (i < n) {
        long p = pos + i;
        if (p < head.length) {
          b[off + i++] = head[(int) p];
        } else if (p < head.length + size) {
          int run = (int) Math.min(n - i, head.length + size - p);
          java.util.Arrays.fill(b, off + i, off + i + run, (byte) 'x');
          i += run;
        } else {
          b[off + i++] = tail[(int) (p - head.length - size)];
        }
      }
      pos += n;
      return n;
    }
  }
}
