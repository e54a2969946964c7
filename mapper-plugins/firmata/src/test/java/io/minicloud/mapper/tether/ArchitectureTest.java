package io.minicloud.mapper.tether;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The tether v1 codec is pure (no serial port, sockets or streams: testable with {@code new}, and
 * the line can be swapped for an in-memory one); the plugin never depends on the simulator helpers,
 * which exist for tests, the demo and the HIL profile.
 */
@AnalyzeClasses(
    packages = "io.minicloud.mapper.tether",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule codecDoesNoIo =
      noClasses()
          .that()
          .resideInAPackage("io.minicloud.mapper.tether.codec..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "java.nio.channels..", "java.net..", "com.fazecast..", "io.minicloud.mapper.api..")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.io.InputStream");

  @ArchTest
  static final ArchRule pluginDoesNotUseTheSimulator =
      noClasses()
          .that()
          .resideInAnyPackage("io.minicloud.mapper.tether", "io.minicloud.mapper.tether.config..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.minicloud.mapper.tether.sim..", "io.minicloud.mapper.firmata.sim..");
}
