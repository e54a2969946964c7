package io.minicloud.charagent.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.charagent.model.Board;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Cross-checks the decoder against Pi4J 2.x's board table ({@code com.pi4j.boardinfo.definition
 * .BoardModel}, pure Java, no native code). Pi4J is not a dependency of the agent, only a test
 * dependency ({@code com.pi4j:pi4j-core:2.8.0}, the last line built for Java 17); reflection keeps
 * its types out of the test's compile-time surface.
 */
class RaspberryPiRevisionPi4jTest {
  /** Pi4J's enum constant for each of our model names (the labels are worded differently). */
  private static final Map<String, String> PI4J_NAMES =
      Map.ofEntries(
          Map.entry("Raspberry Pi Model A+", "MODEL_1_A_PLUS"),
          Map.entry("Raspberry Pi Model B", "MODEL_1_B"),
          Map.entry("Raspberry Pi Model B+", "MODEL_1_B_PLUS"),
          Map.entry("Raspberry Pi 3 Model A+", "MODEL_3_A_PLUS"),
          Map.entry("Raspberry Pi 3 Model B", "MODEL_3_B"),
          Map.entry("Raspberry Pi 3 Model B+", "MODEL_3_B_PLUS"),
          Map.entry("Raspberry Pi 4 Model B", "MODEL_4_B"),
          Map.entry("Raspberry Pi 400", "MODEL_400"),
          Map.entry("Raspberry Pi 5", "MODEL_5_B"),
          Map.entry("Raspberry Pi Zero 2 W", "ZERO_V2"),
          Map.entry("Compute Module 4", "COMPUTE_4"),
          Map.entry("Compute Module 5", "COMPUTE_5"));

  private static final List<String> CODES =
      List.of(
          "900021", "9020e0", "a02082", "a020d3", "a03111", "b03114", "c03114", "d03114", "c03130",
          "c04170", "d04170", "902120", "a03140", "b03140", "d04180", "0002", "000e", "0010");

  @Test
  void agreesWithPi4jOnModelProcessorAndMemory() throws Exception {
    Class<?> boardModel;
    try {
      boardModel = Class.forName("com.pi4j.boardinfo.definition.BoardModel");
    } catch (ClassNotFoundException e) {
      throw new AssertionError("com.pi4j:pi4j-core must be a test dependency of char-agent", e);
    }
    Method byCode = boardModel.getMethod("getByBoardCode", String.class);
    for (String code : CODES) {
      Board.RaspberryPi ours = RaspberryPiRevision.decode(code).orElseThrow();
      Object theirs = byCode.invoke(null, code);

      assertEquals(PI4J_NAMES.get(ours.model()), ((Enum<?>) theirs).name(), code);
      String soc = boardModel.getMethod("getSoc").invoke(theirs).toString();
      // Pi4J names the die stepping (BCM2837B0, BCM2711C0; RP3A0's BCM2710A1 is a BCM2837)
      assertTrue(soc.startsWith(ours.processor()) || soc.equals("BCM2710A1"), code + ": " + soc);
      @SuppressWarnings("unchecked")
      List<Float> sizesMb =
          (List<Float>) boardModel.getMethod("getVersionsMemoryInMb").invoke(theirs);
      long oursMb = ours.memoryBytes() >> 20;
      assertTrue(sizesMb.stream().anyMatch(mb -> Math.round(mb) == oursMb), code + ": " + sizesMb);
    }
  }
}
