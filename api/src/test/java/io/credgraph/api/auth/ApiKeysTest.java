package io.credgraph.api.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credgraph.CredgraphException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeysTest {
  @Test
  void environmentPairsGiveRoles() {
    ApiKeys keys = ApiKeys.parse("clerk-secret-1:registry, audit:admin-secret-2:ADMIN", "CREDGRAPH_API_KEYS");
    assertEquals(Role.REGISTRY, keys.authenticate("clerk-secret-1").orElseThrow().role().orElseThrow());
    Caller admin = keys.authenticate("admin-secret-2").orElseThrow();
    assertEquals("audit", admin.name());
    assertTrue(keys.authenticate("clerk-secret-").isEmpty());
    assertTrue(keys.authenticate("").isEmpty());
    assertTrue(keys.authenticate(null).isEmpty());
  }

  @Test
  void unnamedKeysAreNamedByRoleAndDigestNeverByTheKey() {
    Caller c = ApiKeys.parse("very-secret-key:STEWARD", "env").authenticate("very-secret-key").orElseThrow();
    assertTrue(c.name().matches("steward-[0-9a-f]{8}"), c.name());
    assertFalse(c.name().contains("secret"));
  }

  @Test
  void keysFileWithCommentsAndErrorsThatNameTheLine(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("keys.txt");
    Files.writeString(f, "# demo keys\nregistry-key-1:REGISTRY   # the counter\n\ndept-key-22:DEPARTMENT\n");
    ApiKeys keys = ApiKeys.read(f);
    assertEquals(2, keys.size());
    assertEquals(Role.DEPARTMENT, keys.authenticate("dept-key-22").orElseThrow().role().orElseThrow());
    Files.writeString(f, "registry-key-1:REGISTRY\nsome-key-3:SUPERUSER\n");
    CredgraphException e = assertThrows(CredgraphException.class, () -> ApiKeys.read(f));
    assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("SUPERUSER"), e.getMessage());
    Files.writeString(f, "short:ADMIN\n");
    assertTrue(assertThrows(CredgraphException.class, () -> ApiKeys.read(f)).getMessage().contains("at least 8"));
  }

  @Test
  void rolesAreOrdered() {
    assertTrue(Role.ADMIN.atLeast(Role.STEWARD));
    assertTrue(Role.INVESTIGATOR.atLeast(Role.REGISTRY));
    assertFalse(Role.REGISTRY.atLeast(Role.INVESTIGATOR));
    assertFalse(Caller.ANONYMOUS.atLeast(Role.DEPARTMENT));
  }
}
