package io.minicloud.vim;

import com.fasterxml.jackson.databind.node.TextNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.Map;

/**
 * A small test CRD, {@code gadgets.smoke.minicloud.io}, for {@link KubeApiServerSmokeIT}: a
 * structural schema with a required string, a bounded integer and an enum in the status, and a
 * status subresource, so the server has something to validate in both.
 */
final class GadgetCrd {

  static final String GROUP = "smoke.minicloud.io";
  static final String VERSION = "v1";
  static final String KIND = "Gadget";
  static final String PLURAL = "gadgets";

  private GadgetCrd() {}

  static CustomResourceDefinition definition() {
    JSONSchemaProps spec =
        new JSONSchemaPropsBuilder()
            .withType("object")
            .withRequired("image")
            .withProperties(
                Map.of(
                    "image",
                        new JSONSchemaPropsBuilder().withType("string").withMinLength(1L).build(),
                    "replicas",
                        new JSONSchemaPropsBuilder()
                            .withType("integer")
                            .withMinimum(1.0)
                            .withMaximum(10.0)
                            .build()))
            .build();
    JSONSchemaProps status =
        new JSONSchemaPropsBuilder()
            .withType("object")
            .withProperties(
                Map.of(
                    "phase",
                    new JSONSchemaPropsBuilder()
                        .withType("string")
                        .withEnum(new TextNode("Pending"), new TextNode("Ready"))
                        .build(),
                    "observedGeneration",
                    new JSONSchemaPropsBuilder().withType("integer").withFormat("int64").build()))
            .build();
    return new CustomResourceDefinitionBuilder()
        .withNewMetadata()
        .withName(PLURAL + "." + GROUP)
        .endMetadata()
        .withNewSpec()
        .withGroup(GROUP)
        .withScope("Namespaced")
        .withNewNames()
        .withKind(KIND)
        .withPlural(PLURAL)
        .withSingular("gadget")
        .endNames()
        .addNewVersion()
        .withName(VERSION)
        .withServed(true)
        .withStorage(true)
        .withNewSubresources()
        .withNewStatus()
        .endStatus()
        .endSubresources()
        .withNewSchema()
        .withOpenAPIV3Schema(
            new JSONSchemaPropsBuilder()
                .withType("object")
                .withProperties(Map.of("spec", spec, "status", status))
                .build())
        .endSchema()
        .endVersion()
        .endSpec()
        .build();
  }

  /** Whether the server's apiextensions controller has made the CRD's endpoints available. */
  static boolean established(CustomResourceDefinition crd) {
    return crd != null
        && crd.getStatus() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  static ResourceDefinitionContext context() {
    return new ResourceDefinitionContext.Builder()
        .withGroup(GROUP)
        .withVersion(VERSION)
        .withKind(KIND)
        .withPlural(PLURAL)
        .withNamespaced(true)
        .build();
  }
}
