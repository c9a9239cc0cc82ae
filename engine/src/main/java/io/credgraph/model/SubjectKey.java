package io.credgraph.model;

import io.credgraph.ValidationException;

/**
 * The natural key of a subject: a USCC for organisations, a document number for persons. Keys are
 * the identity of subjects in the data and in the storage SPI; {@link SubjectId} is the opaque
 * handle the API gives out.
 *
 * <p>{@link #canonical()} is the single string form stored by backends ({@code USCC:...}, {@code
 * RESIDENT_ID:...}); it contains a person's full document number and must never be logged: {@link
 * #toString()} is masked.
 */
public sealed interface SubjectKey permits SubjectKey.Org, SubjectKey.Person, SubjectKey.External {

  /** The stored form, {@code TYPE:VALUE}. Personal data for persons. */
  String canonical();

  /** A form safe for logs and public answers (masked for persons). */
  String masked();

  /**
   * Whether the key is a person's document number. An {@link External} key names a person or an
   * organisation: its subject's kind tells which, so this is false for it and {@link
   * #mayBePerson()} true.
   */
  boolean isPerson();

  /** Whether a subject of this key may be a person (a person's document, or an external id). */
  default boolean mayBePerson() {
    return isPerson() || this instanceof External;
  }

  /** Whether a subject of this key may be an organisation (a USCC, or an external id). */
  default boolean mayBeOrganisation() {
    return !isPerson();
  }

  /**
   * A subject from outside China's registries, by {@code scheme} (e.g. {@code ftm}, {@code icij})
   * and its id there.
   */
  static External external(String scheme, String externalId) {
    return new External(scheme, externalId);
  }

  static Org uscc(String raw) {
    return new Org(Uscc.parse(raw, "uscc"));
  }

  static Person resident(String raw) {
    return new Person(Person.RESIDENT_ID, ResidentId.parse(raw, "idNumber").value());
  }

  static Person person(String idType, String idNumber) {
    return new Person(idType == null ? Person.RESIDENT_ID : idType, idNumber);
  }

  /** Parses the stored form written by {@link #canonical()}. */
  static SubjectKey fromCanonical(String canonical) {
    int colon = canonical.indexOf(':');
    if (colon <= 0) {
      throw new ValidationException(
          "key", "not a stored subject key: " + ResidentId.mask(canonical));
    }
    String type = canonical.substring(0, colon);
    if (External.PREFIX.equals(type)) {
      String rest = canonical.substring(colon + 1);
      int c2 = rest.indexOf(':');
      if (c2 <= 0) {
        throw new ValidationException(
            "key", "not a stored external key: " + ResidentId.mask(canonical));
      }
      return new External(rest.substring(0, c2), rest.substring(c2 + 1));
    }
    String value = canonical.substring(colon + 1);
    return "USCC".equals(type) ? new Org(new Uscc(value)) : new Person(type, value);
  }

  /** An organisation's key. */
  record Org(Uscc uscc) implements SubjectKey {
    public Org {
      if (uscc == null) {
        throw new ValidationException("uscc", "a USCC is required");
      }
    }

    @Override
    public String canonical() {
      return "USCC:" + uscc.value();
    }

    @Override
    public String masked() {
      return uscc.value();
    }

    @Override
    public boolean isPerson() {
      return false;
    }

    @Override
    public String toString() {
      return uscc.value();
    }
  }

  /**
   * A person's key: a document type ({@code RESIDENT_ID} by default, checked by GB 11643; others
   * such as {@code PASSPORT} or {@code HK_MACAO_PERMIT} are checked for form only) and its number.
   */
  record Person(String idType, String idNumber) implements SubjectKey {
    public static final String RESIDENT_ID = "RESIDENT_ID";
    private static final java.util.regex.Pattern ID_TYPE =
        java.util.regex.Pattern.compile("[A-Z][A-Z0-9_]{1,31}");

    public Person {
      idType =
          idType == null || idType.isBlank()
              ? RESIDENT_ID
              : idType.trim().toUpperCase(java.util.Locale.ROOT);
      if (!RESIDENT_ID.equals(idType) && !ID_TYPE.matcher(idType).matches()) {
        throw new ValidationException(
            "idType",
            "idType '"
                + idType
                + "' is not a document type (upper-case letters, digits and _; e.g. RESIDENT_ID, PASSPORT)");
      }
      if (RESIDENT_ID.equals(idType)) {
        idNumber = ResidentId.parse(idNumber, "idNumber").value();
      } else {
        idNumber = idNumber == null ? null : idNumber.trim().toUpperCase(java.util.Locale.ROOT);
        if (idNumber == null || !idNumber.matches("[A-Z0-9-]{5,32}")) {
          throw new ValidationException(
              "idNumber", "a " + idType + " number has 5 to 32 letters, digits or '-'");
        }
      }
    }

    @Override
    public String canonical() {
      return idType + ":" + idNumber;
    }

    @Override
    public String masked() {
      return ResidentId.mask(idNumber);
    }

    @Override
    public boolean isPerson() {
      return true;
    }

    /** Masked: a person's number never reaches a log line through string concatenation. */
    @Override
    public String toString() {
      return RESIDENT_ID.equals(idType) ? masked() : idType + ":" + masked();
    }
  }

  /**
   * The key of a subject from outside China's registries (imported from a public format): a {@code
   * scheme} that names the id space ({@code ftm} for FollowTheMoney / OpenSanctions entity ids,
   * {@code icij} for ICIJ Offshore Leaks node ids) and the id in it, kept exactly as the source
   * wrote it (ids are case-sensitive). Stored as {@code ext:SCHEME:ID}; the lower-case prefix
   * cannot clash with a document type, which is upper-case. The id of a person is personal data:
   * {@link #toString()} and {@link #masked()} mask it like a document number.
   */
  record External(String scheme, String externalId) implements SubjectKey {
    static final String PREFIX = "ext";
    private static final java.util.regex.Pattern SCHEME =
        java.util.regex.Pattern.compile("[a-z][a-z0-9_-]{1,15}");
    public static final int MAX_ID = 200;

    public External {
      scheme = scheme == null ? null : scheme.trim().toLowerCase(java.util.Locale.ROOT);
      if (scheme == null || !SCHEME.matcher(scheme).matches()) {
        throw new ValidationException(
            "scheme",
            "an external key's scheme is 2 to 16 lower-case letters, digits, "
                + "'-' or '_' (e.g. ftm, icij)");
      }
      externalId = externalId == null ? null : externalId.strip();
      if (externalId == null || externalId.isEmpty()) {
        throw new ValidationException("externalId", "an external key needs its externalId");
      }
      if (externalId.length() > MAX_ID) {
        throw new ValidationException(
            "externalId",
            "an externalId has at most " + MAX_ID + " characters, not " + externalId.length());
      }
      for (int i = 0; i < externalId.length(); i++) {
        if (Character.isISOControl(externalId.charAt(i))) {
          throw new ValidationException("externalId", "an externalId has no control characters");
        }
      }
    }

    @Override
    public String canonical() {
      return PREFIX + ":" + scheme + ":" + externalId;
    }

    @Override
    public String masked() {
      return ResidentId.mask(externalId);
    }

    @Override
    public boolean isPerson() {
      return false;
    }

    /** Masked: the id may be a person's. */
    @Override
    public String toString() {
      return scheme + ":" + masked();
    }
  }
}
