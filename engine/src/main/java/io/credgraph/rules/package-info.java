/**
 * The rule catalogue as data (DOMAIN.md section 5): {@link io.credgraph.rules.Measure measures} and
 * {@link io.credgraph.rules.Rule rules} read from versioned YAML files ({@code measures.yaml},
 * {@code rules.yaml} under {@code io/credgraph/catalogue/}) by {@link
 * io.credgraph.rules.RuleCatalogue}, validated when loaded with errors that name the file, the rule
 * and the field. Conditions too particular for the generic period forms are named {@link
 * io.credgraph.rules.PeriodFunctions period functions} referenced from the data.
 */
package io.credgraph.rules;
