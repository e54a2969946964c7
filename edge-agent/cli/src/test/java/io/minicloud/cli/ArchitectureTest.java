package io.minicloud.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Frameworks at the edges (shared/STYLE.md §4): picocli lives in {@code *Command} classes and
 * {@code MinicloudCli}; the domain classes they drive are plain Java, tested with {@code new}.
 */
@AnalyzeClasses(packages = "io.minicloud.cli", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final DescribedPredicate<JavaClass> COMMAND_CLASSES =
      DescribedPredicate.describe(
          "*Command or MinicloudCli (and their nested classes)",
          c -> {
            String outer = c.getName().replaceFirst("\\$.*", "");
            String simple = outer.substring(outer.lastIndexOf('.') + 1);
            return simple.endsWith("Command") || simple.equals("MinicloudCli");
          });

  @ArchTest
  static final ArchRule domainDoesNotKnowPicocli =
      noClasses()
          .that(DescribedPredicate.not(COMMAND_CLASSES))
          .should()
          .dependOnClassesThat()
          .resideInAPackage("picocli..");

  @ArchTest
  static final ArchRule domainDoesNotCallCommands =
      noClasses()
          .that(DescribedPredicate.not(COMMAND_CLASSES))
          .should()
          .dependOnClassesThat(COMMAND_CLASSES);
}
