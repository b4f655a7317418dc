package io.loyaltysync.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs a command of the CLI in-process, as a user types it, and keeps what it printed. */
final class Commands {

  /** A command's exit code and what it wrote to stdout and stderr. */
  record Result(int exitCode, String out, String err) {}

  private Commands() {}

  static Result run(final String... args) {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final int exitCode =
        Main.commandLine()
            .setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(err, true))
            .execute(args);
    return new Result(exitCode, out.toString(), err.toString());
  }
}
