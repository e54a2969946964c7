package io.minicloud.charagent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Frameworks at the edges (shared/STYLE.md §4): only the wiring package knows Quarkus. */
@AnalyzeClasses(
    packages = "io.minicloud.charagent",
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
              "io.vertx..",
              "jakarta.enterprise..",
              "jakarta.inject..",
              "jakarta.ws.rs..",
              "org.eclipse.microprofile..",
              "io.smallrye..")
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

  /** The model never imports the client (STYLE.md §7): fabric8 is the kube package's business. */
  @ArchTest
  static final ArchRule onlyKubeKnowsFabric8 =
      noClasses()
          .that()
          .resideOutsideOfPackages("..kube..", "..wiring..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.fabric8..");

  /**
   * Wiring may hold the client Quarkus produces, to hand it to the kube package, and nothing else
   * of fabric8: no Node objects, patches or exceptions outside kube.
   */
  @ArchTest
  static final ArchRule wiringOnlyPassesTheClientOn =
      noClasses()
          .that()
          .resideInAPackage("..wiring..")
          .should()
          .dependOnClassesThat(
              DescribedPredicate.describe(
                  "fabric8 classes other than KubernetesClient",
                  (JavaClass c) ->
                      c.getPackageName().startsWith("io.fabric8")
                          && !c.getName().equals("io.fabric8.kubernetes.client.KubernetesClient")));

  /** The model, probes and outputs are plain data and files: no client, no framework. */
  @ArchTest
  static final ArchRule modelProbesAndOutputsStayPlain =
      noClasses()
          .that()
          .resideInAnyPackage("..model..", "..probe..", "..output..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.fabric8..", "..kube..", "io.micrometer..");
}
