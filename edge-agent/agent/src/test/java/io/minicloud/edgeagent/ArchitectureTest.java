package io.minicloud.edgeagent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Frameworks at the edges (shared/STYLE.md §4): only the wiring package knows Quarkus. */
@AnalyzeClasses(
    packages = "io.minicloud.edgeagent",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule domainIsFrameworkFree =
      noClasses()
          .that()
          .resideOutsideOfPackage("..wiring..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.quarkus..",
              "jakarta.enterprise..",
              "jakarta.inject..",
              "jakarta.ws.rs..",
              "org.eclipse.microprofile..",
              "io.smallrye..")
          .allowEmptyShould(true);

  /**
   * Vert.x Web is the REAR listeners' HTTP library (each listener its own server with its own TLS
   * and authentication), used like Paho is for MQTT: only the REAR HTTP edge and the composition
   * that starts it may touch it; the catalog, ledger and inventory stay plain.
   */
  @ArchTest
  static final ArchRule vertxOnlyAtTheRearHttpEdge =
      noClasses()
          .that()
          .resideOutsideOfPackages(
              "..wiring..", "..rear.http..", "..rear.auth..", "..rear.subscription..")
          .and()
          .doNotHaveFullyQualifiedName("io.minicloud.edgeagent.rear.RearProvider")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.vertx..")
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule domainDoesNotReachIntoWiring =
      noClasses()
          .that()
          .resideOutsideOfPackage("..wiring..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("..wiring..")
          .allowEmptyShould(true);
}
