package io.minicloud.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/** {@code minicloud}: the top command. Subcommands do the work; this wires picocli. */
@Command(
    name = "minicloud",
    mixinStandardHelpOptions = true,
    versionProvider = MinicloudCli.VersionProvider.class,
    description = "Run, inspect and test Minicloud Edge from a source checkout.",
    subcommands = {
      DemoCommand.class,
      StatusCommand.class,
      CharacterizeCommand.class,
      DevicesCommand.class,
      FlavorsCommand.class,
      ReserveCommand.class,
      PurchaseCommand.class,
      DeployCommand.class,
      WorkloadsCommand.class,
      WorkloadCommand.class,
      TestCommand.class,
      VersionCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:success",
      " 1:the command failed (see its help; some commands have more codes)",
      " 2:usage error: unknown command or option, missing argument"
    })
public final class MinicloudCli implements Callable<Integer> {

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /** The configured command line; tests call {@code execute} on it with their own writers. */
  static CommandLine newCommandLine() {
    CommandLine cli = new CommandLine(new MinicloudCli());
    cli.setParameterExceptionHandler(MinicloudCli::usageError);
    cli.setExecutionExceptionHandler(MinicloudCli::failure);
    return cli;
  }

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "missing command");
  }

  /** A one-line error and a hint, like GNU tools, instead of the whole usage text. */
  private static int usageError(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println(cmd.getCommandSpec().qualifiedName() + ": " + message(e));
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return cmd.getCommandSpec().exitCodeOnInvalidInput();
  }

  private static String message(ParameterException e) {
    if (e instanceof UnmatchedArgumentException unmatched
        && !unmatched.getUnmatched().isEmpty()
        && !e.getCommandLine().getSubcommands().isEmpty()
        && !unmatched.getUnmatched().get(0).startsWith("-")) {
      return "unknown command '" + unmatched.getUnmatched().get(0) + "'";
    }
    return e.getMessage();
  }

  private static int failure(Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    String name = cmd.getCommandSpec().qualifiedName();
    if (e instanceof CliFailure failure) {
      err.println(name + ": " + failure.getMessage());
      err.flush();
      return failure.exitCode();
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    err.println(name + ": " + message);
    err.flush();
    return cmd.getCommandSpec().exitCodeOnExecutionException();
  }

  /** {@code minicloud --version}. */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"minicloud " + CliVersion.get()};
    }
  }
}
