package io.credgraph.analysis;

import io.credgraph.model.CreditRecord;
import io.credgraph.model.RelationType;
import io.credgraph.model.SubjectId;
import io.credgraph.model.SubjectKey;
import io.credgraph.model.SubjectKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A synthetic city for benchmarks, built straight into a {@link StoreGraphView}: {@code enterprises} companies in
 * groups of about 8 (sizes exponentially distributed) and 1.2 persons per company. Each company has a legal
 * representative (1 in 200 a nominee who represents about 50), one or two directors, one to three shareholders (persons
 * of the group's pool, or companies of the group, a few holdings reaching forward so that cross-holdings occur; 5 % of
 * ratios unknown), and 2 % are branches of the group's head. 1 in 300 persons and holdings link to another group.
 * 10 % of relations have ended. BLACK records fall on 2 % of the subjects. Deterministic for a seed.
 */
final class SyntheticCity {
  static final String[] SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
      + "姚卢姜崔钟谭陆汪范金石廖贾夏韦傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤").split("");
  static final String[] GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬辉鹏建国志强海峰文博宇浩然子轩梓涵一诺欣怡"
      .split("");
  static final String[] PLACES = {"深圳市", "广州市", "东莞市", "佛山市", "珠海市", "惠州市", "中山市", "江门市"};
  static final String[] WORDS = "华强腾讯安盛宏达鑫源恒泰永利信诚金鼎瑞丰汇通嘉禾中科天成东方新星博远启航明德润泽华盛锦程鸿运卓越万通"
      .split("");
  static final String[] TRADES = {"电子科技", "贸易", "建筑工程", "物流", "餐饮管理", "房地产开发", "投资咨询", "医药",
      "软件开发", "机械制造", "文化传媒", "环保科技"};
  static final String[] BLACK = {"DISHONEST_JUDGMENT_DEBTOR", "CONSUMPTION_RESTRICTED", "SERIOUS_ILLEGAL_DISHONEST",
      "MAJOR_TAX_VIOLATION"};

  final StoreGraphView view;
  final List<CreditRecord> records;
  final int enterprises;

  private SyntheticCity(StoreGraphView view, List<CreditRecord> records, int enterprises) {
    this.view = view;
    this.records = records;
    this.enterprises = enterprises;
  }

  static SyntheticCity generate(int enterprises, long seed) {
    return generate(enterprises, seed, 300);
  }

  /** As {@link #generate(int, long)}, with 1 in {@code linkEvery} persons and holdings linking to another group. */
  static SyntheticCity generate(int enterprises, long seed, int linkEvery) {
    SplittableRandom r = new SplittableRandom(seed);
    int persons = enterprises * 12 / 10;
    StoreGraphView.Builder b = StoreGraphView.builder();
    for (int i = 0; i < enterprises; i++) {
      String name = PLACES[r.nextInt(PLACES.length)] + WORDS[r.nextInt(WORDS.length)] + WORDS[r.nextInt(WORDS.length)]
          + TRADES[r.nextInt(TRADES.length)] + (r.nextInt(4) == 0 ? "股份有限公司" : "有限公司");
      b.addNode(new SubjectId(String.format("s%09d", i)), SubjectKind.ENTERPRISE, SubjectKey.uscc(Fixture.uscc(i)),
          name);
    }
    for (int p = 0; p < persons; p++) {
      String name = SURNAMES[r.nextInt(SURNAMES.length)] + GIVEN[r.nextInt(GIVEN.length)]
          + (r.nextBoolean() ? GIVEN[r.nextInt(GIVEN.length)] : "");
      b.addNode(new SubjectId(String.format("s%09d", enterprises + p)), SubjectKind.PERSON,
          SubjectKey.resident(Fixture.idNumber(p)), name);
    }
    int nominees = Math.max(1, enterprises / 10_000);
    int group = 0;
    int groupEnd = 0;
    for (int i = 0; i < enterprises; i++) {
      if (i == groupEnd) {
        group = i;
        groupEnd = Math.min(enterprises, i + 1 + (int) (-Math.log(1 - r.nextDouble()) * 8));
      }
      int pool = enterprises + (int) ((long) group * persons / enterprises);
      int poolSize = Math.max(2, (groupEnd - group) * persons / enterprises);
      int rep = r.nextInt(200) == 0 ? enterprises + r.nextInt(nominees) : person(r, enterprises, persons, pool,
          poolSize, linkEvery);
      edge(b, r, rep, i, RelationType.LEGAL_REP, Double.NaN);
      int directors = 1 + r.nextInt(2);
      for (int k = 0; k < directors; k++) {
        edge(b, r, person(r, enterprises, persons, pool, poolSize, linkEvery), i, RelationType.DIRECTOR, Double.NaN);
      }
      int holders = 1 + r.nextInt(3);
      double left = 1.0;
      for (int k = 0; k < holders; k++) {
        double ratio = k == holders - 1 ? left : Math.round(left * (0.2 + 0.6 * r.nextDouble()) * 1000) / 1000.0;
        left -= ratio;
        int holder;
        if (i > group && r.nextInt(3) == 0) {
          // a company of the same group; rarely one reaching forward (cross-holdings) or another group
          holder = r.nextInt(100) == 0 ? group + r.nextInt(groupEnd - group)
              : r.nextInt(linkEvery) == 0 ? r.nextInt(i) : group + r.nextInt(i - group);
        } else {
          holder = person(r, enterprises, persons, pool, poolSize, linkEvery);
        }
        if (holder != i && ratio > 0) {
          edge(b, r, holder, i, RelationType.SHAREHOLDER, r.nextInt(20) == 0 ? Double.NaN : ratio);
        }
      }
      if (r.nextInt(50) == 0 && i > group) {
        edge(b, r, i, group, RelationType.BRANCH_OF, Double.NaN);
      }
    }
    List<CreditRecord> records = new ArrayList<>();
    int total = enterprises + persons;
    for (int k = 0; k < total / 50; k++) {
      int v = r.nextInt(total);
      String list = BLACK[r.nextInt(BLACK.length)];
      if (v >= enterprises && !list.equals("DISHONEST_JUDGMENT_DEBTOR")) {
        list = "CONSUMPTION_RESTRICTED";
      }
      LocalDate decided = LocalDate.of(2018, 1, 1).plusDays(r.nextInt(2300));
      records.add(CreditRecord.of("R" + k, v < enterprises ? SubjectKey.uscc(Fixture.uscc(v))
          : SubjectKey.resident(Fixture.idNumber(v - enterprises)), list, "court", decided));
    }
    return new SyntheticCity(b.build(1), records, enterprises);
  }

  /** A person of the group's pool, or (1 in {@code linkEvery}) anyone: the links between groups. */
  private static int person(SplittableRandom r, int enterprises, int persons, int pool, int poolSize,
      int linkEvery) {
    if (r.nextInt(linkEvery) == 0) {
      return enterprises + r.nextInt(persons);
    }
    return Math.min(enterprises + persons - 1, pool + r.nextInt(poolSize));
  }

  private static void edge(StoreGraphView.Builder b, SplittableRandom r, int from, int to, RelationType type,
      double ratio) {
    int since = GraphView.day(LocalDate.of(2000, 1, 1)) + r.nextInt(8400);
    int until = r.nextInt(10) == 0 ? since + 30 + r.nextInt(3000) : GraphView.OPEN_UNTIL;
    b.addEdge(from, to, type, since, until, ratio);
  }
}
