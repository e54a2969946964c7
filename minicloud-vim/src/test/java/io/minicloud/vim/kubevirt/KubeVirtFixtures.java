package io.minicloud.vim.kubevirt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The golden VirtualMachines in src/test/resources/kubevirt, named {@code vm.<case>.json}. */
final class KubeVirtFixtures {
  static final ObjectMapper JSON = new ObjectMapper();

  private KubeVirtFixtures() {}

  static ObjectNode vm(String name) {
    String resource = "/kubevirt/vm." + name + ".json";
    try (InputStream in = KubeVirtFixtures.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return (ObjectNode) JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The object at a JSON pointer, e.g. {@code /spec/template/spec/domain}. */
  static ObjectNode at(ObjectNode root, String pointer) {
    return (ObjectNode) root.at(pointer);
  }
}
