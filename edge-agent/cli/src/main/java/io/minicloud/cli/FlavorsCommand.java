package io.minicloud.cli;

import io.minicloud.rear.client.RearClient;
import io.minicloud.rear.client.RearException;
import io.minicloud.rear.filter.FlavorFilter;
import io.minicloud.rear.model.Flavor;
import io.minicloud.rear.model.FlavorType;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code minicloud flavors --peer ...}: what a REAR provider offers. */
@Command(
    name = "flavors",
    mixinStandardHelpOptions = true,
    header = "List the flavors a REAR provider (a minicloud or a FLUIDOS node) offers.",
    description = {
      "GET /api/v2/flavors, or /api/v2/flavors/<type> with --type and --filter. Prints a table"
          + " (id, type, cpu, memory, pods, storage/gpu, owner, availability), or the flavors as"
          + " JSON with --json (secrets masked).",
      "",
      "--filter takes attr>=q, attr<=q, attr=v (cpu>=2, memory<=8Gi, architecture=arm64,"
          + " category=database) or a raw filter[attr][range][min]=q key; repeat it to AND terms."
          + " A FLUIDOS node filters k8slice on architecture, cpu, memory, pods, storage and"
          + " service on category and tags."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:the flavors were printed (none is not an error)",
      " 1:the provider failed, refused or was unreachable (one line on stderr)",
      " 2:usage error"
    })
final class FlavorsCommand extends RearPeerCommand {

  private static final Set<String> TYPES =
      Set.of(FlavorType.K8SLICE, FlavorType.SERVICE, FlavorType.VM, FlavorType.SENSOR);

  @Option(
      names = "--type",
      paramLabel = "k8slice|service|vm|sensor",
      description = "Only this flavor type (a FLUIDOS node serves k8slice and service).")
  String type;

  @Option(
      names = "--filter",
      paramLabel = "TERM",
      description = "A condition, e.g. cpu>=2 or memory<=8Gi; needs --type. Repeatable.")
  List<String> filters = new ArrayList<>();

  @Option(names = "--json", description = "Print the flavors as a JSON array.")
  boolean json;

  @Override
  void run(RearClient client, PeerAddress peer, PrintWriter out) throws RearException {
    FlavorFilter filter = filter();
    List<Flavor> flavors = client.listFlavors(type, filter);
    if (json) {
      out.println(RearJsonOutput.pretty(flavors));
    } else if (flavors.isEmpty()) {
      out.println("no flavors at " + peer.authority());
    } else {
      out.print(FlavorTable.render(flavors));
    }
  }

  private FlavorFilter filter() {
    if (type != null && !TYPES.contains(type)) {
      throw usage("--type must be k8slice, service, vm or sensor, not '" + type + "'");
    }
    if (filters.isEmpty()) {
      return null;
    }
    if (type == null) {
      throw usage("--filter needs --type: each flavor type has its own attributes");
    }
    try {
      return FriendlyFilter.parse(type, filters);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
  }
}
