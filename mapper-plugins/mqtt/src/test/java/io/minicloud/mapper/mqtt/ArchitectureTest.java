package io.minicloud.mapper.mqtt;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The plugin is plain Java (DESIGN §2: mapper-api only, plus its protocol libraries), and only the
 * connection classes touch Paho, so everything else stays testable with {@code new}.
 */
@AnalyzeClasses(
    packages = "io.minicloud.mapper.mqtt",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

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

  @ArchTest
  static final ArchRule pahoStaysInTheConnection =
      noClasses()
          .that()
          .haveNameNotMatching(".*\\.PahoV[35]Client(\\$.*)?")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.eclipse.paho..");
}
