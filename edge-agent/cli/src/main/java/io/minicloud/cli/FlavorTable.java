package io.minicloud.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.minicloud.rear.model.Flavor;
import io.minicloud.rear.model.FlavorType;
import io.minicloud.rear.model.K8SliceData;
import io.minicloud.rear.model.NodeIdentity;
import io.minicloud.rear.model.ServiceData;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code minicloud flavors} as a table: one row per flavor, the figures a buyer compares. Data that
 * does not decode as its type (a peer's bug) shows {@code ?} rather than hiding the flavor.
 */
final class FlavorTable {

  private static final List<String> HEADER =
      List.of("ID", "TYPE", "CPU", "MEMORY", "PODS", "STORAGE/GPU", "OWNER", "AVAILABLE");

  private FlavorTable() {}

  static String render(List<Flavor> flavors) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADER);
    for (Flavor flavor : flavors) {
      rows.add(row(flavor));
    }
    int[] widths = new int[HEADER.size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        line.append(i == row.size() - 1 ? row.get(i) : pad(row.get(i), widths[i] + 2));
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }

  private static List<String> row(Flavor flavor) {
    FlavorType type = flavor.type();
    String kind = type == null ? "?" : type.kind();
    List<String> figures = List.of("-", "-", "-", "-");
    try {
      if (FlavorType.K8SLICE.equals(kind)) {
        figures = k8slice(type.k8slice());
      } else if (FlavorType.SERVICE.equals(kind)) {
        ServiceData service = type.service();
        figures = List.of("-", "-", "-", "service " + text(service.name()));
      }
    } catch (JsonProcessingException | IllegalStateException e) {
      figures = List.of("?", "?", "?", "?");
    }
    List<String> row = new ArrayList<>();
    row.add(text(flavor.flavorId()));
    row.add(kind);
    row.addAll(figures);
    row.add(owner(flavor.owner()));
    row.add(flavor.availability() ? "yes" : "no");
    return row;
  }

  private static List<String> k8slice(K8SliceData data) {
    K8SliceData.Characteristics c = data.characteristics();
    if (c == null) {
      return List.of("?", "?", "?", "?");
    }
    String storage = c.storage() == null ? "-" : c.storage().toString();
    K8SliceData.Gpu gpu = c.gpu();
    if (gpu != null && gpu.cores() != null && gpu.cores().signum() > 0) {
      String model = gpu.model() == null || gpu.model().isEmpty() ? "" : " " + gpu.model();
      storage += " / gpu " + gpu.cores() + model;
    }
    return List.of(text(c.cpu()), text(c.memory()), text(c.pods()), storage);
  }

  private static String owner(NodeIdentity owner) {
    if (owner == null) {
      return "-";
    }
    return text(owner.id()) + (owner.ip() == null ? "" : " (" + owner.ip() + ")");
  }

  private static String text(Object value) {
    return value == null || value.toString().isEmpty() ? "-" : value.toString();
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(0, width - text.length()));
  }
}
