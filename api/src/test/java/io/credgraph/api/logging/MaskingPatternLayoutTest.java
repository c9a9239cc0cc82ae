package io.credgraph.api.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * The shipped logging configuration masks ID numbers that reach a log line through exceptions we
 * did not write.
 */
class MaskingPatternLayoutTest {
  static final String ID = "11010519491231002X";

  @Test
  @SuppressWarnings("unchecked")
  void theShippedConfigurationMasksMessagesAndWholeStackTraces() throws JoranException {
    LoggerContext context = new LoggerContext();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    URL shipped = MaskingPatternLayout.class.getResource("/logback.xml");
    configurator.doConfigure(shipped);
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    ConsoleAppender<?> appender = (ConsoleAppender<?>) root.getAppender("STDERR");
    LayoutWrappingEncoder<?> encoder = (LayoutWrappingEncoder<?>) appender.getEncoder();
    MaskingPatternLayout layout = (MaskingPatternLayout) encoder.getLayout();

    Exception cause =
        new IllegalStateException(
            "Node(7) already exists with property `key` = 'RESIDENT_ID:" + ID + "'");
    Exception failure = new RuntimeException("write failed for " + ID, cause);
    LoggingEvent event =
        new LoggingEvent(
            Logger.class.getName(),
            root,
            Level.ERROR,
            "incident {}: failed for {}",
            failure,
            new Object[] {"abc123", ID});
    String line = layout.doLayout(event);

    assertFalse(line.contains(ID), line);
    assertTrue(line.contains("incident abc123: failed for 1101**********002X"), line);
    assertTrue(line.contains("RESIDENT_ID:1101**********002X"), "the cause is masked too: " + line);
    assertTrue(
        line.contains("at io.credgraph.api.logging.MaskingPatternLayoutTest"),
        "the stack trace stays");
    assertEquals(
        "a USCC 91350100M000100Y43 stays",
        layout
            .doLayout(
                new LoggingEvent(
                    Logger.class.getName(),
                    root,
                    Level.INFO,
                    "a USCC 91350100M000100Y43 stays",
                    null,
                    null))
            .replaceFirst("^.* - ", "")
            .strip());
    context.stop();
  }
}
