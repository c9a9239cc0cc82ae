package io.credgraph.api.logging;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.credgraph.api.view.Masking;

/**
 * A pattern layout that masks anything shaped like a resident ID number in the whole formatted
 * event: the message, its arguments and the stack trace with every cause. Our own code logs keys
 * masked already; this is the net under messages we do not write (a database constraint error, a
 * parser quoting its input) that reach the log through an exception.
 */
public class MaskingPatternLayout extends PatternLayout {
  @Override
  public String doLayout(ILoggingEvent event) {
    return Masking.scrub(super.doLayout(event));
  }
}
