package io.minicloud.tetherbridge.runtime;

import io.minicloud.mapper.api.ConfigException;
import io.minicloud.mapper.api.DeviceDriver;
import io.minicloud.mapper.api.DeviceSpec;
import io.minicloud.mapper.api.MapperPlugin;
import io.minicloud.mapper.api.PropertySpec;
import io.minicloud.mapper.api.Value;
import io.minicloud.tetherbridge.devices.AccessMode;
import io.minicloud.tetherbridge.devices.DeviceDoc;
import io.minicloud.tetherbridge.devices.DeviceFileError;
import io.minicloud.tetherbridge.devices.DeviceFileException;
import io.minicloud.tetherbridge.devices.DeviceModelDoc;
import io.minicloud.tetherbridge.devices.DeviceProperty;
import io.minicloud.tetherbridge.devices.DeviceSet;
import io.minicloud.tetherbridge.devices.ModelProperty;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Has every device of a set bound by its protocol plugin before anything runs: the plugin's typed
 * config errors come back as {@code file: Device "x": spec.<field>: reason}, all at once, and the
 * running configuration stays.
 */
public final class DeviceBinder {
  /** The core's own key in a visitor config; the plugin never sees it. */
  public static final String REPORT_KEY = "report";

  private final PluginRegistry plugins;
  private final long defaultCollectMillis;

  public DeviceBinder(PluginRegistry plugins, long defaultCollectMillis) {
    this.plugins = plugins;
    this.defaultCollectMillis = defaultCollectMillis;
  }

  public Map<String, BoundDevice> bind(DeviceSet set) throws DeviceFileException {
    Map<String, BoundDevice> bound = new LinkedHashMap<>();
    List<DeviceFileError> errors = new ArrayList<>();
    for (DeviceDoc doc : set.devices().values()) {
      String file = set.source(doc.name());
      String object = "Device \"" + doc.name() + "\"";
      DeviceModelDoc model = set.model(doc.modelRef()).orElseThrow();
      MapperPlugin plugin = plugins.plugin(doc.protocolName()).orElse(null);
      if (plugin == null) {
        errors.add(
            new DeviceFileError(
                file,
                object,
                "spec.protocol.protocolName",
                "no plugin for protocol '"
                    + doc.protocolName()
                    + "' (installed: "
                    + String.join(", ", plugins.protocols())
                    + ")"));
        continue;
      }
      List<String> coreErrors = new ArrayList<>();
      List<PropertySpec> specs = new ArrayList<>();
      Map<String, ReportPolicy> reports = new HashMap<>();
      Map<String, Value> desired = new HashMap<>();
      for (int i = 0; i < doc.properties().size(); i++) {
        DeviceProperty p = doc.properties().get(i);
        ModelProperty mp = model.property(p.name()).orElseThrow();
        Map<String, Object> visitor = new LinkedHashMap<>(p.visitorConfig());
        Object report = visitor.remove(REPORT_KEY);
        List<String> reportErrors = new ArrayList<>();
        reports.put(p.name(), ReportPolicy.bind(report, p.reportCycleMs(), reportErrors));
        String prefix = "spec.properties[" + p.name() + "].visitors.configData.";
        reportErrors.forEach(e -> coreErrors.add(prefix + e));
        specs.add(
            new PropertySpec(
                p.name(), mp.type(), mp.accessMode() == AccessMode.READ_WRITE, visitor));
      }
      DeviceDriver driver;
      try {
        driver = plugin.bind(new DeviceSpec(doc.name(), doc.protocolConfig(), specs));
      } catch (ConfigException e) {
        e.errors()
            .forEach(
                err ->
                    errors.add(
                        new DeviceFileError(file, object, "spec." + err.field(), err.reason())));
        coreErrors.forEach(msg -> errors.add(fieldError(file, object, msg)));
        continue;
      } catch (RuntimeException e) {
        errors.add(
            new DeviceFileError(
                file,
                object,
                "spec.protocol",
                "plugin " + doc.protocolName() + " failed to bind the device: " + e));
        continue;
      }
      List<BoundProperty> properties = new ArrayList<>();
      for (DeviceProperty p : doc.properties()) {
        ModelProperty mp = model.property(p.name()).orElseThrow();
        long collect = p.collectCycleMs() > 0 ? p.collectCycleMs() : defaultCollectMillis;
        properties.add(
            new BoundProperty(mp, p, driver.point(p.name()), reports.get(p.name()), collect));
        if (p.desiredValue() != null) {
          checkDesired(p, mp, driver, coreErrors);
        }
      }
      coreErrors.forEach(msg -> errors.add(fieldError(file, object, msg)));
      if (coreErrors.isEmpty()) {
        bound.put(doc.name(), new BoundDevice(doc, file, driver, properties));
      }
    }
    if (!errors.isEmpty()) {
      throw new DeviceFileException(errors);
    }
    return bound;
  }

  private static void checkDesired(
      DeviceProperty p, ModelProperty mp, DeviceDriver driver, List<String> errors) {
    String field = "spec.properties[" + p.name() + "].desired.value: ";
    if (mp.accessMode() != AccessMode.READ_WRITE) {
      errors.add(
          field
              + "the model declares "
              + p.name()
              + " ReadOnly, so it cannot have a desired value");
      return;
    }
    try {
      DesiredValues.parse(p.desiredValue(), mp, driver.point(p.name()));
    } catch (IllegalArgumentException e) {
      errors.add(field + e.getMessage());
    }
  }

  private static DeviceFileError fieldError(String file, String object, String message) {
    int colon = message.indexOf(": ");
    return colon < 0
        ? new DeviceFileError(file, object, null, message)
        : new DeviceFileError(
            file, object, message.substring(0, colon), message.substring(colon + 2));
  }
}
