package io.minicloud.tetherbridge.runtime;

import io.minicloud.mapper.api.MapperPlugin;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The protocol plugins on the class path, by protocol name. */
public final class PluginRegistry {
  private final Map<String, MapperPlugin> plugins = new TreeMap<>();

  public PluginRegistry(Collection<MapperPlugin> plugins) {
    for (MapperPlugin plugin : plugins) {
      MapperPlugin previous = this.plugins.putIfAbsent(plugin.protocol(), plugin);
      if (previous != null) {
        throw new IllegalStateException(
            "two plugins for protocol '"
                + plugin.protocol()
                + "': "
                + previous.getClass().getName()
                + " and "
                + plugin.getClass().getName());
      }
    }
  }

  /** The plugins {@link ServiceLoader} finds. */
  public static PluginRegistry discover() {
    return new PluginRegistry(
        ServiceLoader.load(MapperPlugin.class, PluginRegistry.class.getClassLoader()).stream()
            .map(ServiceLoader.Provider::get)
            .toList());
  }

  public Optional<MapperPlugin> plugin(String protocol) {
    return Optional.ofNullable(plugins.get(protocol));
  }

  public java.util.Set<String> protocols() {
    return plugins.keySet();
  }
}
