package io.credgraph.cli;

import io.credgraph.CredgraphException;
import io.credgraph.api.auth.ApiKeys;
import io.credgraph.api.auth.Role;
import io.credgraph.cypher.EmbeddedNeo4jStore;
import io.credgraph.model.ResidentId;
import io.credgraph.model.Subject;
import io.credgraph.model.SubjectId;
import io.credgraph.model.SubjectKey;
import io.credgraph.model.Uscc;
import io.credgraph.store.GraphStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code credgraph keys}: managing the keys file. */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = "Manages the API keys file.",
    subcommands = {KeysCommand.Issue.class, CommandLine.HelpCommand.class})
final class KeysCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * {@code credgraph keys issue}: appends a fresh random key to a keys file and prints it once. A
   * running server that reads the file picks it up without a restart.
   */
  @Command(
      name = "issue",
      mixinStandardHelpOptions = true,
      description = {
        "Appends a fresh random key (256 bits) to the keys file and prints it once; only the file keeps "
            + "it. A server started with --keys FILE knows it at once.",
        "A DEPARTMENT key may belong to a department (--department CODE, needed to give feedback on its checks); "
            + "a SUBJECT key is bound to one subject (--subject: a subject id s..., a USCC, or an ID number; "
            + "'-' reads it from standard input so that it stays out of the shell history). A USCC or an ID "
            + "number is looked up in the store in --data (stop the server first, or give the subject id)."
      })
  static final class Issue implements Callable<Integer> {
    @Option(
        names = "--role",
        required = true,
        description = "SUBJECT, DEPARTMENT, REGISTRY, INVESTIGATOR, STEWARD " + "or ADMIN")
    String role;

    @Option(
        names = "--department",
        paramLabel = "CODE",
        description = "the department a DEPARTMENT key belongs to")
    String department;

    @Option(
        names = "--subject",
        paramLabel = "ID|USCC|ID_NUMBER|-",
        description = "the subject a SUBJECT key sees")
    String subject;

    @Option(
        names = "--keys",
        required = true,
        paramLabel = "FILE",
        description = "the keys file (created if missing)")
    Path keys;

    @Option(
        names = "--data",
        paramLabel = "DIR",
        description = "data directory, to find a subject by USCC or ID " + "number")
    Path data;

    @Option(
        names = "--name",
        description = "the key's name in logs and the audit log (default: role and a number)")
    String name;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      Role r;
      try {
        r = Role.parse(role);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--role: " + e.getMessage());
      }
      if (department != null && r != Role.DEPARTMENT) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--department is for DEPARTMENT keys");
      }
      if ((subject != null) != (r == Role.SUBJECT)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            r == Role.SUBJECT
                ? "a SUBJECT key needs --subject (a subject id, a USCC, an ID number, or - to read it from stdin)"
                : "--subject is for SUBJECT keys");
      }
      Optional<String> binding = Optional.ofNullable(department);
      if (r == Role.SUBJECT) {
        binding = Optional.of(subjectId(subject.equals("-") ? readStdin() : subject.trim()));
      }
      int existing =
          Files.exists(keys)
              ? (int)
                  Files.readAllLines(keys, StandardCharsets.UTF_8).stream()
                      .filter(l -> !l.isBlank() && !l.trim().startsWith("#"))
                      .count()
              : 0;
      String keyName =
          name != null ? name : r.name().toLowerCase(Locale.ROOT) + "-" + (existing + 1);
      String key = ApiKeys.newKey();
      String line;
      try {
        line = ApiKeys.line(keyName, key, r, binding);
      } catch (CredgraphException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
      if (Files.exists(keys)) {
        String text = Files.readString(keys, StandardCharsets.UTF_8);
        if (!text.isEmpty() && !text.endsWith("\n")) {
          line = "\n" + line;
        }
        ApiKeys.read(keys); // a broken file is not appended to: it would stay broken
      }
      if (keys.toAbsolutePath().getParent() != null) {
        Files.createDirectories(keys.toAbsolutePath().getParent());
      }
      Files.writeString(
          keys,
          line + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      out.println(
          "credgraph keys: key '"
              + keyName
              + "' ("
              + r
              + binding.map(b -> " " + b).orElse("")
              + ") added to "
              + keys
              + "; it is shown only now:");
      out.println(key);
      out.flush();
      return 0;
    }

    private String readStdin() throws IOException {
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String l = in.readLine();
      if (l == null || l.isBlank()) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--subject -: standard input was empty");
      }
      return l.trim();
    }

    /**
     * The subject id of a subject given by id, USCC or ID number (the latter two looked up in
     * --data).
     */
    private String subjectId(String given) {
      if (!Uscc.isValid(given) && !ResidentId.isValid(given)) {
        try {
          return new SubjectId(given).value();
        } catch (RuntimeException e) {
          throw new CommandLine.ParameterException(
              spec.commandLine(),
              "--subject: neither a subject id (s...), a "
                  + "valid USCC nor a valid ID number (check characters are verified)");
        }
      }
      if (data == null) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "--subject by USCC or ID number needs --data "
                + "DIR to find the subject (or give its subject id)");
      }
      SubjectKey k = Uscc.isValid(given) ? SubjectKey.uscc(given) : SubjectKey.resident(given);
      Optional<Subject> s;
      try (GraphStore store =
          EmbeddedNeo4jStore.open(data, EmbeddedNeo4jStore.Options.defaults())) {
        s = store.subject(k);
      } catch (RuntimeException e) {
        throw new CredgraphException(
            "cannot open the store in "
                + data
                + " (is the server running on it? stop it, "
                + "or give the subject id): "
                + e.getMessage(),
            e);
      }
      return s.orElseThrow(() -> new CredgraphException("no subject " + k.masked() + " in " + data))
          .id()
          .value();
    }
  }
}
