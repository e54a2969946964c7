package io.minicloud.vim;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Frameworks at the edges (shared/STYLE.md §4): only the wiring package knows Quarkus. */
@AnalyzeClasses(packages = "io.minicloud.vim", importOptions = ImportOption.DoNotIncludeTests.class)
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

  /** The generated KubeVirt models need Jackson's annotations and nothing else (README.md). */
  @ArchTest
  static final ArchRule kubeVirtModelsNeedOnlyJackson =
      classes()
          .that()
          .resideInAPackage("io.minicloud.vim.kubevirt.model..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "io.minicloud.vim.kubevirt.model..", "java..", "com.fasterxml.jackson.annotation..");

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
