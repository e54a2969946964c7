package io.minicloud.mapper.coap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Plain Java (no framework), and Californium stays behind the link and the simulator: config,
 * payload, discovery parsing and the driver are testable with {@code new} and no sockets.
 */
@AnalyzeClasses(
    packages = "io.minicloud.mapper.coap",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule noFramework =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.quarkus..", "io.vertx..", "jakarta..", "io.smallrye..");

  @ArchTest
  static final ArchRule californiumOnlyInLinkAndSim =
      noClasses()
          .that()
          .resideOutsideOfPackages("..coap.link..", "..coap.sim..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.eclipse.californium..");
}
