package org.opentermin.ports.booking;

import static com.google.common.base.Preconditions.checkNotNull;

import org.opentermin.core.booking.RefusalReason;
import org.opentermin.ports.in.Refused;

/**
 * What one step of a use case hands to the next: its value, or the refusal that ends the use case.
 * Refusals are answers, so they travel as values from the nested checks to the use case's result.
 */
sealed interface Step<T> permits Step.Go, Step.Stop {

  static <T> Step<T> go(T value) {
    return new Go<>(value);
  }

  static <T> Step<T> stop(RefusalReason reason, String detail) {
    return new Stop<>(new Refused(reason, detail));
  }

  /** The value of a step that went on; asking a stopped step for it is a programming error. */
  T value();

  /** The step produced {@code value}. */
  record Go<T>(T value) implements Step<T> {
    public Go {
      checkNotNull(value, "value");
    }
  }

  /** The step refused; the use case answers with {@code refused}. */
  record Stop<T>(Refused refused) implements Step<T> {
    public Stop {
      checkNotNull(refused, "refused");
    }

    @Override
    public T value() {
      throw new IllegalStateException("a refused step has no value: " + refused.reason());
    }
  }
}
