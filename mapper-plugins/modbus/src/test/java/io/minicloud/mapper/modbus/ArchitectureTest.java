package io.minicloud.mapper.modbus;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering STYLE.md asks for: the codec knows no transport, the driver owns no sockets (the
 * core owns links), and the plugin is plain Java.
 */
@AnalyzeClasses(
    packages = "io.minicloud.mapper.modbus",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule codecKnowsNoTransport =
      noClasses()
          .that()
          .resideInAPackage("..modbus.codec..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "java.net..",
              "com.fazecast..",
              "io.minicloud.mapper.api.transport..",
              "io.minicloud.mapper.modbus.config..",
              "io.minicloud.mapper.modbus.sim..");

  @ArchTest
  static final ArchRule onlyTheSimulatorOpensSockets =
      noClasses()
          .that()
          .resideOutsideOfPackage("..modbus.sim..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("java.net..", "com.fazecast..");

  @ArchTest
  static final ArchRule theDriverDoesNotDependOnTheSimulator =
      noClasses()
          .that()
          .resideOutsideOfPackage("..modbus.sim..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("..modbus.sim..");

  @ArchTest
  static final ArchRule noFramework =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.quarkus..",
              "io.vertx..",
              "jakarta..",
              "org.eclipse.microprofile..",
              "io.smallrye..");
}
