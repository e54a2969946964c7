package io.minicloud.mapper.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The SPI is plain Java: plugins must be usable by any runtime, and testable with {@code new}. */
@AnalyzeClasses(
    packages = "io.minicloud.mapper.api",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule noFrameworkInTheSpi =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.quarkus..",
              "io.vertx..",
              "jakarta..",
              "org.eclipse.microprofile..",
              "io.smallrye..",
              "io.fabric8..");
}
