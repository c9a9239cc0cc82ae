package io.credgraph.exchange;

import io.credgraph.fixtures.Keys;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * A deterministic test batch of about 7 lines per enterprise: the enterprise, its legal
 * representative (a person delivered after the relations that name her, so they wait as pending
 * facts), shareholders (a person and the previous enterprise), a director, records on several lists
 * with status changes, a few ended relations and a few bad lines (a wrong check character, an
 * unknown list). For loader tests, crash tests and the load benchmark.
 */
public final class SyntheticBatch {
  private SyntheticBatch() {}

  /**
   * Writes {@code enterprises} enterprises' lines to {@code file} (gzipped when it ends in .gz);
   * returns lines.
   */
  public static long write(Path file, int enterprises, long seed) {
    try (OutputStream raw = Files.newOutputStream(file);
        OutputStream out =
            file.toString().endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : raw;
        Writer w =
            new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
      return write(w, enterprises, seed);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static long write(Writer w, int enterprises, long seed) throws IOException {
    Random rnd = new Random(seed);
    String[] towns = {"石岐街道", "东区街道", "西区街道", "南区街道", "小榄镇", "古镇镇", "横栏镇", "三乡镇", "坦洲镇"};
    String[] lists = {
      "DISHONEST_JUDGMENT_DEBTOR",
      "ABNORMAL_OPERATION",
      "SERIOUS_ILLEGAL_DISHONEST",
      "MAJOR_TAX_VIOLATION",
      "A_TAXPAYER"
    };
    long lines = 0;
    for (int i = 0; i < enterprises; i++) {
      String uscc = Keys.usccText(i);
      String rep = Keys.personText(i);
      String holder = Keys.personText(1_000_000L + i);
      LocalDate reg = LocalDate.of(2010, 1, 1).plusDays(rnd.nextInt(5000));
      w.write(
          "{\"type\":\"subject\",\"kind\":\"ENTERPRISE\",\"uscc\":\""
              + uscc
              + "\",\"name\":\"中山市测试"
              + i
              + "号有限公司\",\"legalForm\":\"COMPANY\",\"status\":\"ACTIVE\",\"registeredOn\":\""
              + reg
              + "\",\"district\":\""
              + towns[i % towns.length]
              + "\",\"industry\":\"C"
              + (13 + i % 30)
              + "\"}\n");
      w.write(rel("LEGAL_REP", person(rep), org(uscc), reg, null));
      w.write(rel("SHAREHOLDER", person(holder), org(uscc), reg, 0.6));
      lines += 3;
      w.write(
          "{\"type\":\"subject\",\"kind\":\"PERSON\",\"idNumber\":\""
              + rep
              + "\",\"name\":\"法人"
              + i
              + "\"}\n");
      w.write(
          "{\"type\":\"subject\",\"kind\":\"PERSON\",\"idNumber\":\""
              + holder
              + "\",\"name\":\"股东"
              + i
              + "\"}\n");
      lines += 2;
      if (i > 0) {
        w.write(rel("SHAREHOLDER", org(Keys.usccText(i - 1)), org(uscc), reg, 0.3));
        w.write(rel("DIRECTOR", person(Keys.personText(i - 1)), org(uscc), reg, null));
        lines += 2;
      }
      if (i % 10 == 3) {
        String id = "ZS-" + seed + "-" + i;
        LocalDate decided = reg.plusDays(100 + rnd.nextInt(1000));
        w.write(
            "{\"type\":\"record\",\"id\":\""
                + id
                + "\",\"subject\":"
                + org(uscc)
                + ",\"list\":\""
                + lists[i % lists.length]
                + "\",\"department\":\"COURT\",\"decisionNo\":\"("
                + decided.getYear()
                + ")粤2071执"
                + i
                + "号\",\"basis\":\"《最高人民法院关于公布失信被执行人名单信息的若干规定》\","
                + "\"decidedOn\":\""
                + decided
                + "\",\"caseNo\":\"C"
                + i
                + "\"}\n");
        lines++;
        if (i % 20 == 3) {
          w.write(
              "{\"type\":\"status\",\"record\":\""
                  + id
                  + "\",\"status\":\"OBJECTED\",\"on\":\""
                  + decided.plusDays(30)
                  + "\",\"note\":\"异议\"}\n");
          w.write(
              "{\"type\":\"status\",\"record\":\""
                  + id
                  + "\",\"status\":\"REPAIRED\",\"on\":\""
                  + decided.plusDays(400)
                  + "\"}\n");
          lines += 2;
        }
      }
      if (i % 25 == 7 && i > 0) {
        w.write(
            "{\"type\":\"end\",\"rel\":\"DIRECTOR\",\"from\":"
                + person(Keys.personText(i - 1))
                + ",\"to\":"
                + org(uscc)
                + ",\"until\":\""
                + reg.plusDays(700)
                + "\"}\n");
        lines++;
      }
      if (i % 1000 == 999) {
        w.write(
            "{\"type\":\"subject\",\"kind\":\"ENTERPRISE\",\"uscc\":\""
                + Keys.badCheck(Keys.usccText(i + 7))
                + "\",\"name\":\"坏码\"}\n");
        w.write(
            "{\"type\":\"record\",\"id\":\"BAD-"
                + i
                + "\",\"subject\":"
                + org(uscc)
                + ",\"list\":\"NO_SUCH_LIST\",\"decidedOn\":\"2020-01-01\"}\n");
        lines += 2;
      }
    }
    return lines;
  }

  private static String rel(String type, String from, String to, LocalDate since, Double ratio) {
    return "{\"type\":\"relation\",\"rel\":\""
        + type
        + "\",\"from\":"
        + from
        + ",\"to\":"
        + to
        + ",\"since\":\""
        + since
        + "\""
        + (ratio == null ? "" : ",\"ratio\":" + ratio)
        + "}\n";
  }

  private static String person(String id) {
    return "{\"idNumber\":\"" + id + "\"}";
  }

  private static String org(String uscc) {
    return "{\"uscc\":\"" + uscc + "\"}";
  }
}
