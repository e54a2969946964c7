package io.minicloud.vim.provision;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The provisioning model is pure (shared/STYLE.md §7): what a contract becomes is decided without a
 * client; only the applier and the service talk to the cluster, only the store to SQLite.
 */
@AnalyzeClasses(
    packages = "io.minicloud.vim.provision",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ProvisioningArchitectureTest {

  @ArchTest
  static final ArchRule theModelUsesNoClient =
      noClasses()
          .that()
          .haveSimpleNameNotEndingWith("Applier")
          .and()
          .haveSimpleNameNotEndingWith("Service")
          .and()
          .haveSimpleNameNotStartingWith("ProvisionService")
          .and()
          .haveSimpleNameNotEndingWith("Store")
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName("io.fabric8.kubernetes.client.KubernetesClient")
          .orShould()
          .dependOnClassesThat()
          .resideInAnyPackage("io.fabric8.kubernetes.client.dsl..", "java.sql..")
          .allowEmptyShould(true);
}
