package io.credgraph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credgraph.ValidationException;
import io.credgraph.model.Relation;
import io.credgraph.model.RelationType;
import io.credgraph.model.SubjectKey;
import io.credgraph.model.SubjectRef;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SearchNeighbourhoodPathTest {
  static final LocalDate ASOF = LocalDate.of(2024, 6, 30);

  @Test
  void nameSearchRanksExactThenPrefixThenSubstringThenBigrams() {
    Fixture f = new Fixture();
    f.company("深圳市华强电子有限公司");
    f.company("华强电子");
    f.company("华强电子科技有限公司");
    f.company("深圳华强实业股份有限公司");
    f.company("广州白云山制药有限公司");
    SubjectSearch s = SubjectSearch.index(f.view());

    List<SearchHit> hits = s.byName("华强电子", 10);

    // 深圳华强实业 shares only 华强 of 华强/强电/电子: one third, below two thirds, so it is no match
    assertEquals(
        List.of("华强电子", "华强电子科技有限公司", "深圳市华强电子有限公司"), hits.stream().map(SearchHit::name).toList());
    assertEquals(
        List.of(
            SearchHit.Match.EXACT_NAME,
            SearchHit.Match.NAME_PREFIX,
            SearchHit.Match.NAME_SUBSTRING),
        hits.stream().map(SearchHit::match).toList());
    // 深圳华强电子 has 5 bigrams: 深圳市华强电子 shares 4 (0.8, at least two thirds); the others only 3 (0.6)
    List<SearchHit> fuzzy = s.byName("深圳华强电子", 10);
    assertEquals(List.of("深圳市华强电子有限公司"), fuzzy.stream().map(SearchHit::name).toList());
    assertEquals(0.8, fuzzy.get(0).score(), 1e-12);
    assertEquals(SearchHit.Match.NAME_BIGRAMS, fuzzy.get(0).match());
    // 华强电子有限 is a substring of 深圳市华强电子有限公司; of its 5 bigrams 华强电子科技有限公司 holds 4 (华强, 强电,
    // 电子, 有限: 0.8), 华强电子 only 3
    List<SearchHit> mixed = s.byName("华强电子有限", 10);
    assertEquals(
        List.of("深圳市华强电子有限公司", "华强电子科技有限公司"), mixed.stream().map(SearchHit::name).toList());
    assertEquals(
        List.of(SearchHit.Match.NAME_SUBSTRING, SearchHit.Match.NAME_BIGRAMS),
        mixed.stream().map(SearchHit::match).toList());
    // 深圳华强 is a prefix of 深圳华强实业; 深圳市华强电子 holds 深圳 and 华强 of its 3 bigrams (two thirds)
    assertEquals(
        List.of("深圳华强实业股份有限公司", "深圳市华强电子有限公司"),
        s.byName("深圳华强", 10).stream().map(SearchHit::name).toList());
    assertEquals(List.of("广州白云山制药有限公司"), s.byName("白", 10).stream().map(SearchHit::name).toList());
    assertEquals(List.of(), s.byName("北京", 10));
    assertEquals(2, s.byName("有限公司", 2).size(), "the limit bounds the answer");
  }

  @Test
  void searchByUsccAndByIdNumberOnlyWhenAllowed() {
    Fixture f = new Fixture();
    SubjectKey firm = f.company("华强电子");
    SubjectKey person = f.person("张三");
    SubjectSearch s = SubjectSearch.index(f.view());
    String uscc = ((SubjectKey.Org) firm).uscc().value();
    String idNumber = ((SubjectKey.Person) person).idNumber();

    assertEquals(
        List.of(firm),
        s.search(uscc.toLowerCase(java.util.Locale.ROOT), false, 10).stream()
            .map(SearchHit::key)
            .toList());
    assertThrows(SearchNotPermittedException.class, () -> s.search(idNumber, false, 10));
    List<SearchHit> byId = s.search(idNumber, true, 10);
    assertEquals(SearchHit.Match.ID_NUMBER, byId.get(0).match());
    assertEquals(person, byId.get(0).key());
    assertFalse(
        byId.get(0).toString().contains(idNumber), "a hit's string form masks the ID number");
    assertThrows(ValidationException.class, () -> s.search(" ", true, 10));
  }

  @Test
  void aNomineeRepresentingManyEnterprisesIsSummarisedNotDumped() {
    Fixture f = new Fixture();
    SubjectKey nominee = f.person("挂名法人");
    SubjectKey boss = f.person("幕后老板");
    SubjectKey hub = f.company("核心控股有限公司");
    f.share(boss, hub, 0.9).rel(RelationType.LEGAL_REP, nominee, hub);
    for (int i = 0; i < 30; i++) {
      f.rel(RelationType.LEGAL_REP, nominee, f.company("壳公司" + i + "号有限公司"));
    }
    StoreGraphView v = f.view();

    Neighbourhood n =
        new NeighbourhoodExplorer(v)
            .expand(v.node(boss), Neighbourhood.Query.of(2, Set.of(), ASOF));

    // boss -> hub (depth 1) -> nominee (depth 2); the nominee's 31 LEGAL_REP relations are beyond
    // depth 2, so the
    // nominee is not expanded; expanding from the hub sees 1 LEGAL_REP in, 1 SHAREHOLDER in.
    assertEquals(
        List.of("幕后老板", "核心控股有限公司", "挂名法人"),
        n.nodes().stream().map(x -> x.subject().name()).toList());
    assertEquals(List.of(0, 1, 2), n.nodes().stream().map(Neighbourhood.Node::depth).toList());
    assertTrue(n.supernodes().isEmpty());

    Neighbourhood fromHub =
        new NeighbourhoodExplorer(v).expand(v.node(hub), Neighbourhood.Query.of(2, Set.of(), ASOF));
    assertEquals(
        3, fromHub.nodes().size(), "the 30 shells behind the nominee are counted, not listed");
    assertEquals(1, fromHub.supernodes().size());
    Neighbourhood.Supernode s = fromHub.supernodes().get(0);
    assertEquals("挂名法人", s.subject().name());
    assertEquals(RelationType.LEGAL_REP, s.type());
    assertEquals(Neighbourhood.Direction.OUTGOING, s.direction());
    assertEquals(31, s.count());
    assertEquals(2, fromHub.edges().size());

    Neighbourhood onlyShares =
        new NeighbourhoodExplorer(v)
            .expand(v.node(hub), Neighbourhood.Query.of(3, Set.of(RelationType.SHAREHOLDER), ASOF));
    assertEquals(
        List.of("核心控股有限公司", "幕后老板"),
        onlyShares.nodes().stream().map(x -> x.subject().name()).toList());

    Neighbourhood limited =
        new NeighbourhoodExplorer(v)
            .expand(v.node(nominee), new Neighbourhood.Query(1, Set.of(), 10, ASOF, 100));
    assertEquals(10, limited.nodes().size());
    assertTrue(limited.truncated());
    assertThrows(ValidationException.class, () -> Neighbourhood.Query.of(4, Set.of(), ASOF));
  }

  @Test
  void allShortestPathsWithTiesTypedAndDated() {
    Fixture f = new Fixture();
    SubjectKey a = f.company("甲公司");
    SubjectKey b = f.company("乙公司");
    SubjectKey p = f.person("张三");
    SubjectKey q = f.person("李四");
    SubjectKey r = f.person("王五");
    // 甲 - 张三 - 乙 and 甲 - 李四 - 乙 are both 2 hops; 甲 - 王五 ... ended before ASOF.
    f.rel(RelationType.LEGAL_REP, p, a)
        .rel(RelationType.SHAREHOLDER, p, a)
        .rel(RelationType.DIRECTOR, p, b);
    f.rel(RelationType.DIRECTOR, q, a).rel(RelationType.SUPERVISOR, q, b);
    f.rel(
        Relation.of(RelationType.LEGAL_REP, r, a, Fixture.SINCE)
            .withUntil(LocalDate.of(2022, 12, 31)));
    StoreGraphView v = f.view();
    PathFinder finder = new PathFinder(v);

    PathResult two = finder.find(v.node(a), v.node(b), PathResult.Query.of(6, Set.of(), ASOF));
    assertEquals(2, two.hops());
    assertEquals(2, two.paths().size());
    assertEquals(
        Set.of(List.of("甲公司", "张三", "乙公司"), List.of("甲公司", "李四", "乙公司")),
        Set.copyOf(
            two.paths().stream()
                .map(x -> x.subjects().stream().map(SubjectRef::name).toList())
                .toList()));
    PathResult.Path viaZhang =
        two.paths().stream()
            .filter(x -> x.subjects().get(1).name().equals("张三"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        Set.of(RelationType.LEGAL_REP, RelationType.SHAREHOLDER),
        Set.copyOf(viaZhang.hops().get(0).stream().map(EdgeRef::type).toList()),
        "both relations of the hop");

    PathResult typed =
        finder.find(
            v.node(a),
            v.node(b),
            PathResult.Query.of(6, Set.of(RelationType.DIRECTOR, RelationType.LEGAL_REP), ASOF));
    assertEquals(
        List.of(List.of("甲公司", "张三", "乙公司")),
        typed.paths().stream()
            .map(x -> x.subjects().stream().map(SubjectRef::name).toList())
            .toList());

    PathResult none = finder.find(v.node(r), v.node(b), PathResult.Query.of(6, Set.of(), ASOF));
    assertTrue(none.paths().isEmpty());
    assertTrue(none.reason().orElseThrow().contains("not connected"), none.reason().get());
    PathResult then =
        finder.find(
            v.node(r), v.node(b), PathResult.Query.of(6, Set.of(), LocalDate.of(2022, 6, 1)));
    assertEquals(3, then.hops(), "王五 - 甲 - (张三 or 李四) - 乙 while 王五 was legal representative");
    assertEquals(2, then.paths().size());
    PathResult tooShort =
        finder.find(
            v.node(r), v.node(b), PathResult.Query.of(2, Set.of(), LocalDate.of(2022, 6, 1)));
    assertEquals(
        "no path within 2 hops by any relation in force on 2022-06-01",
        tooShort.reason().orElseThrow());
  }

  @Test
  void pathsAgreeWithAOneSidedSearchOnALongChain() {
    Fixture f = new Fixture();
    SubjectKey[] chain = new SubjectKey[8];
    for (int i = 0; i < chain.length; i++) {
      chain[i] = f.company("链" + i);
      if (i > 0) {
        f.rel(RelationType.BRANCH_OF, chain[i], chain[i - 1]);
      }
    }
    StoreGraphView v = f.view();
    PathFinder finder = new PathFinder(v);
    PathResult six =
        finder.find(v.node(chain[0]), v.node(chain[6]), PathResult.Query.of(6, Set.of(), ASOF));
    assertEquals(6, six.hops());
    assertEquals(7, six.paths().get(0).subjects().size());
    assertEquals("链0", six.paths().get(0).subjects().get(0).name());
    assertEquals("链6", six.paths().get(0).subjects().get(6).name());
    PathResult seven =
        finder.find(v.node(chain[0]), v.node(chain[7]), PathResult.Query.of(6, Set.of(), ASOF));
    assertTrue(seven.paths().isEmpty());
    assertEquals(
        "no path within 6 hops by any relation in force on " + ASOF, seven.reason().orElseThrow());
  }
}
