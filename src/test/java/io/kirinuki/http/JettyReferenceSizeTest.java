package io.kirinuki.http;

import static io.kirinuki.http.WebServer.JETTY_REFERENCES_PER_CACHE_LINE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The references per cache line that the server tells Jetty, so that Jetty does not start the
 * platform MBean server to find out (see {@link WebServer#tellJettyTheReferenceSize}).
 */
class JettyReferenceSizeTest {
  private String before;

  @BeforeEach
  void clear() {
    before = System.clearProperty(JETTY_REFERENCES_PER_CACHE_LINE);
  }

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty(JETTY_REFERENCES_PER_CACHE_LINE);
    } else {
      System.setProperty(JETTY_REFERENCES_PER_CACHE_LINE, before);
    }
  }

  @Test
  void theFigureIsTheOneJettyComputesThroughTheMBeanServer() throws Exception {
    WebServer.tellJettyTheReferenceSize();

    // Jetty's own way (MemoryUtils): ask the platform MBean server for UseCompressedOops.
    Object option =
        ManagementFactory.getPlatformMBeanServer()
            .invoke(
                ObjectName.getInstance("com.sun.management:type=HotSpotDiagnostic"),
                "getVMOption",
                new Object[] {"UseCompressedOops"},
                new String[] {"java.lang.String"});
    boolean compressed = Boolean.parseBoolean((String) ((CompositeData) option).get("value"));
    int jettys = compressed ? 64 / 4 : 64 / 8;
    assertEquals(String.valueOf(jettys), System.getProperty(JETTY_REFERENCES_PER_CACHE_LINE));
  }

  @Test
  void aFigureTheOperatorSetIsKept() {
    System.setProperty(JETTY_REFERENCES_PER_CACHE_LINE, "3");
    WebServer.tellJettyTheReferenceSize();
    assertEquals("3", System.getProperty(JETTY_REFERENCES_PER_CACHE_LINE));
  }
}
