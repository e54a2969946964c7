package io.minicloud.tetherbridge.wiring;

import io.minicloud.tetherbridge.DataDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the data directory is writable. */
@Readiness
@ApplicationScoped
public class DataDirReadiness implements HealthCheck {
  private final DataDirectory dataDirectory;

  public DataDirReadiness(TetherBridgeOptions options) {
    this.dataDirectory = new DataDirectory(options.dataDir());
  }

  @Override
  public HealthCheckResponse call() {
    var problem = dataDirectory.problem();
    return HealthCheckResponse.named("data-dir")
        .status(problem.isEmpty())
        .withData("path", dataDirectory.path().toString())
        .withData("problem", problem.orElse("none"))
        .build();
  }
}
