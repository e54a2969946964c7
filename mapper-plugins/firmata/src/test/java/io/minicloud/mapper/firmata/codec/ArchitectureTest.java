package io.minicloud.mapper.firmata.codec;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The plugin is plain Java (DESIGN §2: mapper-api only, plus its protocol libraries), and the codec
 * is pure: no framework and no I/O beyond in-memory byte buffers, so it is testable with {@code
 * new} and the transport can be swapped.
 */
@AnalyzeClasses(
    packages = "io.minicloud.mapper.firmata",
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
  static final ArchRule codecDoesNoIo =
      noClasses()
          .that()
          .resideInAPackage("io.minicloud.mapper.firmata.codec..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("java.nio.channels..", "java.net..", "com.fazecast..")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.io.InputStream")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.io.OutputStream");
}
