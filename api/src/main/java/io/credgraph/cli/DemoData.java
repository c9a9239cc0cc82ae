package io.credgraph.cli;

import io.credgraph.api.auth.Role;
import io.credgraph.datasets.SampleCity;
import io.credgraph.exchange.BatchSource;
import io.credgraph.exchange.ExchangeLoader;
import io.credgraph.exchange.LoadOptions;
import io.credgraph.exchange.LoadReport;
import io.credgraph.store.GraphStore;
import java.util.List;
import java.util.Map;

/** What the demo loads (the sample city, datasets/STORIES.md), and example requests against it. */
final class DemoData {
  /** 吴海林, a judgment debtor of the sample city (story S06), and the company he directs. */
  static final String DEBTOR_ID = "442000197704041173";

  static final String DEBTOR_COMPANY = "91442000MA00FYEB0J";

  private DemoData() {}

  /** Loads the sample city's batches into {@code store}, in order; returns the load summary. */
  static String load(GraphStore store) {
    List<BatchSource> sources =
        SampleCity.batches().stream()
            .map(b -> BatchSource.of(b, -1, () -> SampleCity.open(b)))
            .toList();
    LoadReport report = new ExchangeLoader(store, LoadOptions.defaults()).loadAll(sources, null);
    return "loaded the sample city (" + report.summary() + ")";
  }

  static List<String> examples(String base, Map<Role, String> keys) {
    return List.of(
        "curl -s " + base + "/api/v1/lists/DISHONEST_JUDGMENT_DEBTOR",
        "curl -s -H 'Authorization: Bearer "
            + keys.get(Role.REGISTRY)
            + "' -H 'Content-Type: application/json' \\\n"
            + "      -d '{\"person\":{\"idNumber\":\""
            + DEBTOR_ID
            + "\"},\"role\":\"DIRECTOR\",\"asOf\":\"2025-03-01\"}' \\\n"
            + "      "
            + base
            + "/api/v1/checks/appointment",
        "curl -s -H 'Authorization: Bearer "
            + keys.get(Role.DEPARTMENT)
            + "' -H 'Content-Type: application/json' \\\n"
            + "      -d '{\"subjects\":[{\"uscc\":\""
            + DEBTOR_COMPANY
            + "\"},{\"idNumber\":\""
            + DEBTOR_ID
            + "\"}],\"asOf\":\"2025-03-01\"}' \\\n      "
            + base
            + "/api/v1/checks/sanctions",
        "curl -s -H 'Authorization: Bearer "
            + keys.get(Role.INVESTIGATOR)
            + "' '"
            + base
            + "/api/v1/subjects?q=%E7%81%AF%E9%A5%B0'");
  }
}
