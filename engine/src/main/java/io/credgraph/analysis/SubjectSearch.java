package io.credgraph.analysis;

import io.credgraph.ValidationException;
import io.credgraph.model.ResidentId;
import io.credgraph.model.SubjectKey;
import io.credgraph.model.Uscc;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;

/**
 * Search of subjects by name, USCC or ID number over a {@link GraphView} snapshot.
 *
 * <p>Names are normalised (NFKC, lower case, white space removed) and indexed by character bigrams,
 * which suits Chinese names without a word segmenter. A name query ranks exact names first, then
 * prefixes, then substrings, then names sharing at least two thirds of the query's bigrams (by the
 * share shared); ties go to the shorter name. Substring candidates are the names holding every
 * bigram of the query (the rarest bigram's postings, probed in the others by binary search); only
 * when they are fewer than the limit are names sharing two thirds of the bigrams scored, taken from
 * the postings of the rarest bigrams (pigeonhole: such a name holds one of them). Each phase scores
 * at most {@link #MAX_CANDIDATES} names. Building is O(total name length log); the index holds one
 * long per distinct bigram of each name.
 */
public final class SubjectSearch {
  /** At most this many candidate names are scored for one query. */
  public static final int MAX_CANDIDATES = 200_000;

  private final GraphView view;
  private final String[] normalised;

  /** Sorted {@code bigram << 32 | node}. */
  private final long[] postings;

  private SubjectSearch(GraphView view, String[] normalised, long[] postings) {
    this.view = view;
    this.normalised = normalised;
    this.postings = postings;
  }

  /** Indexes the names of every node of {@code view}. */
  public static SubjectSearch index(GraphView view) {
    int n = view.nodeCount();
    String[] norm = new String[n];
    long[] post = new long[Math.max(16, n * 8)];
    int size = 0;
    for (int v = 0; v < n; v++) {
      String s = normalise(view.name(v));
      norm[v] = s;
      int[] grams = bigrams(s);
      if (size + grams.length > post.length) {
        post = Arrays.copyOf(post, Math.max(post.length * 2, size + grams.length));
      }
      for (int g : grams) {
        post[size++] = ((long) g << 32) | v;
      }
    }
    post = Arrays.copyOf(post, size);
    Arrays.sort(post);
    return new SubjectSearch(view, norm, post);
  }

  /**
   * The index of {@code view} made from {@code previous}, the index of an earlier version: when
   * {@code view} numbers nodes as that version did ({@link GraphView#numbersNodesAs}), only the
   * names of new nodes and of renamed ones are indexed again and merged into the previous postings
   * (one linear merge instead of a sort of every name); otherwise the whole view is indexed. Either
   * way the answer is the index {@link #index(GraphView)} would build.
   */
  public static SubjectSearch update(SubjectSearch previous, GraphView view) {
    GraphView before = previous.view;
    if (!view.numbersNodesAs(before)) {
      return index(view);
    }
    int old = before.nodeCount();
    int n = view.nodeCount();
    String[] norm = Arrays.copyOf(previous.normalised, n);
    long[] added = new long[16];
    int size = 0;
    boolean[] dropped = null;
    for (int v = 0; v < n; v++) {
      String name = view.name(v);
      if (v < old && name.equals(before.name(v))) {
        continue;
      }
      String s = normalise(name);
      if (v < old) {
        if (s.equals(norm[v])) {
          continue;
        }
        if (dropped == null) {
          dropped = new boolean[old];
        }
        dropped[v] = true;
      }
      norm[v] = s;
      int[] grams = bigrams(s);
      if (size + grams.length > added.length) {
        added = Arrays.copyOf(added, Math.max(added.length * 2, size + grams.length));
      }
      for (int g : grams) {
        added[size++] = ((long) g << 32) | v;
      }
    }
    if (size == 0 && dropped == null) {
      return new SubjectSearch(view, norm, previous.postings);
    }
    Arrays.sort(added, 0, size);
    long[] prev = previous.postings;
    long[] post = new long[prev.length + size];
    int i = 0;
    int j = 0;
    int k = 0;
    while (i < prev.length || j < size) {
      if (i < prev.length && dropped != null && dropped[(int) prev[i]]) {
        i++;
      } else if (j >= size || i < prev.length && prev[i] < added[j]) {
        post[k++] = prev[i++];
      } else {
        post[k++] = added[j++];
      }
    }
    return new SubjectSearch(view, norm, k == post.length ? post : Arrays.copyOf(post, k));
  }

  public GraphView view() {
    return view;
  }

  /**
   * One search box: an 18-character USCC finds that organisation, an 18-character resident ID
   * number finds that person (only when {@code mayUseIdNumber}, else {@link
   * SearchNotPermittedException}), anything else is a name query.
   */
  public List<SearchHit> search(String query, boolean mayUseIdNumber, int limit) {
    String q = query == null ? "" : query.strip();
    if (q.isEmpty()) {
      throw new ValidationException(
          "q", "the search query is empty: give a name, a USCC or an ID number");
    }
    String upper = q.toUpperCase(Locale.ROOT);
    if (upper.length() == 18 && Uscc.isValid(upper)) {
      return byKey(SubjectKey.uscc(upper), SearchHit.Match.USCC);
    }
    if (upper.length() == 18 && upper.matches("\\d{17}[\\dX]")) {
      if (!mayUseIdNumber) {
        throw new SearchNotPermittedException("searching by ID number needs the INVESTIGATOR role");
      }
      if (!ResidentId.isValid(upper)) {
        throw new ValidationException(
            "q", "the query looks like an ID number but its check digit is wrong");
      }
      return byKey(SubjectKey.resident(upper), SearchHit.Match.ID_NUMBER);
    }
    return byName(q, limit);
  }

  /** The organisation with this USCC, if held; an invalid code is a {@link ValidationException}. */
  public List<SearchHit> byUscc(String uscc) {
    return byKey(SubjectKey.uscc(uscc), SearchHit.Match.USCC);
  }

  /** The person with this resident ID number, if held; refused unless {@code mayUseIdNumber}. */
  public List<SearchHit> byIdNumber(String idNumber, boolean mayUseIdNumber) {
    if (!mayUseIdNumber) {
      throw new SearchNotPermittedException("searching by ID number needs the INVESTIGATOR role");
    }
    return byKey(SubjectKey.resident(idNumber), SearchHit.Match.ID_NUMBER);
  }

  private List<SearchHit> byKey(SubjectKey key, SearchHit.Match match) {
    int v = view.node(key);
    return v < 0 ? List.of() : List.of(hit(v, match, 5));
  }

  /** Name matches ranked best first, at most {@code limit} (1..1000). */
  public List<SearchHit> byName(String query, int limit) {
    if (limit < 1 || limit > 1000) {
      throw new ValidationException("limit", "limit must be between 1 and 1000, not " + limit);
    }
    String q = normalise(query == null ? "" : query);
    if (q.isEmpty()) {
      throw new ValidationException("q", "the name query is empty");
    }
    List<Scored> scored = new ArrayList<>();
    if (q.length() == 1) {
      for (int v = 0; v < normalised.length; v++) {
        double s = substringScore(normalised[v], q);
        if (s > 0) {
          scored.add(new Scored(v, s));
        }
      }
    } else {
      int[] grams = bigrams(q);
      int[][] ranges = new int[grams.length][];
      for (int i = 0; i < grams.length; i++) {
        ranges[i] = range(grams[i]);
      }
      Integer[] order = new Integer[grams.length];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      Arrays.sort(order, Comparator.comparingInt(i -> ranges[i][1] - ranges[i][0]));
      IntIntMap seen = new IntIntMap(64);
      // names containing the query contain all its bigrams: walk the rarest list, probe the others
      int[] rare = ranges[order[0]];
      int probed = 0;
      for (int p = rare[0]; p < rare[1] && probed < MAX_CANDIDATES; p++, probed++) {
        int v = (int) postings[p];
        boolean all = true;
        for (int k = 1; k < order.length && all; k++) {
          all = contains(ranges[order[k]], grams[order[k]], v);
        }
        if (all) {
          double sc = substringScore(normalised[v], q);
          if (sc > 0) {
            seen.put(v, 1);
            scored.add(new Scored(v, sc));
          }
        }
      }
      if (scored.size() < limit) {
        // then names sharing at least two thirds of the bigrams: by pigeonhole each holds one of
        // the rarest ones
        int need = (2 * grams.length + 2) / 3;
        int use = grams.length - need + 1;
        int candidates = 0;
        outer:
        for (int k = 0; k < use; k++) {
          int[] r = ranges[order[k]];
          for (int p = r[0]; p < r[1]; p++) {
            int v = (int) postings[p];
            if (seen.put(v, 1) == IntIntMap.MISSING) {
              int shared = 0;
              for (int g = 0; g < grams.length; g++) {
                if (contains(ranges[g], grams[g], v)) {
                  shared++;
                }
              }
              if (shared >= need && substringScore(normalised[v], q) == 0) {
                scored.add(new Scored(v, (double) shared / grams.length));
              }
              if (++candidates >= MAX_CANDIDATES) {
                break outer;
              }
            }
          }
        }
      }
    }
    Comparator<Scored> rank =
        Comparator.comparingDouble(Scored::score)
            .reversed()
            .thenComparingInt((Scored x) -> normalised[x.node].length())
            .thenComparing(x -> normalised[x.node])
            .thenComparingInt(Scored::node);
    PriorityQueue<Scored> best = new PriorityQueue<>(limit + 1, rank.reversed());
    for (Scored x : scored) {
      best.add(x);
      if (best.size() > limit) {
        best.poll();
      }
    }
    List<Scored> top = new ArrayList<>(best);
    top.sort(rank);
    List<SearchHit> out = new ArrayList<>(top.size());
    for (Scored x : top) {
      out.add(hit(x.node, matchOf(x.score), x.score));
    }
    return List.copyOf(out);
  }

  private SearchHit hit(int v, SearchHit.Match match, double score) {
    return new SearchHit(v, view.id(v), view.kind(v), view.key(v), view.name(v), match, score);
  }

  private static SearchHit.Match matchOf(double score) {
    if (score >= 4) {
      return SearchHit.Match.EXACT_NAME;
    }
    if (score >= 3) {
      return SearchHit.Match.NAME_PREFIX;
    }
    if (score >= 2) {
      return SearchHit.Match.NAME_SUBSTRING;
    }
    return SearchHit.Match.NAME_BIGRAMS;
  }

  private static double substringScore(String name, String q) {
    if (name.equals(q)) {
      return 4;
    }
    if (name.startsWith(q)) {
      return 3;
    }
    return name.contains(q) ? 2 : 0;
  }

  /**
   * Whether posting range {@code r} of {@code gram} holds node {@code v} (binary search: the range
   * is by node).
   */
  private boolean contains(int[] r, int gram, int v) {
    long x = ((long) gram << 32) | v;
    int lo = r[0];
    int hi = r[1] - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      long m = postings[mid];
      if (m < x) {
        lo = mid + 1;
      } else if (m > x) {
        hi = mid - 1;
      } else {
        return true;
      }
    }
    return false;
  }

  private int[] range(int gram) {
    long lo = (long) gram << 32;
    int a = lowerBound(lo);
    int b = lowerBound(lo + (1L << 32));
    return new int[] {a, b};
  }

  private int lowerBound(long x) {
    int lo = 0;
    int hi = postings.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (postings[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** NFKC, lower case, no white space: how names are compared. */
  static String normalise(String s) {
    String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder b = new StringBuilder(n.length());
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      if (!Character.isWhitespace(c) && c != '\u3000') {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** The distinct character bigrams of {@code s}, sorted, each as {@code c1 << 16 | c2}. */
  static int[] bigrams(String s) {
    if (s.length() < 2) {
      return new int[0];
    }
    int[] g = new int[s.length() - 1];
    for (int i = 0; i + 1 < s.length(); i++) {
      g[i] = (s.charAt(i) << 16) | s.charAt(i + 1);
    }
    Arrays.sort(g);
    int k = 0;
    for (int i = 0; i < g.length; i++) {
      if (i == 0 || g[i] != g[i - 1]) {
        g[k++] = g[i];
      }
    }
    return Arrays.copyOf(g, k);
  }

  private record Scored(int node, double score) {}
}
