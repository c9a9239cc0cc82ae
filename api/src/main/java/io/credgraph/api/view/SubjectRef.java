package io.credgraph.api.view;

import io.credgraph.ValidationException;
import io.credgraph.model.SubjectKey;
import java.util.Optional;

/**
 * A subject addressed by natural key in a request body: {@code {"uscc": ...}} or {@code {"idNumber": ...}} (with an
 * optional {@code idType}). Checked when read: a key that fails its check character is refused with the expected
 * character.
 */
public record SubjectRef(Optional<String> uscc, Optional<String> idNumber, Optional<String> idType) {
  public SubjectRef {
    uscc = uscc == null ? Optional.empty() : uscc;
    idNumber = idNumber == null ? Optional.empty() : idNumber;
    idType = idType == null ? Optional.empty() : idType;
    if (uscc.isPresent() == idNumber.isPresent()) {
      throw new ValidationException(null, "a subject is given by exactly one of uscc or idNumber");
    }
    if (idType.isPresent() && uscc.isPresent()) {
      throw new ValidationException("idType", "idType goes with idNumber, not with uscc");
    }
    key(uscc, idNumber, idType);
  }

  public SubjectKey key() {
    return key(uscc, idNumber, idType);
  }

  private static SubjectKey key(Optional<String> uscc, Optional<String> idNumber, Optional<String> idType) {
    if (uscc.isPresent()) {
      return SubjectKey.uscc(uscc.get());
    }
    return SubjectKey.person(idType.orElse(null), idNumber.get());
  }
}
