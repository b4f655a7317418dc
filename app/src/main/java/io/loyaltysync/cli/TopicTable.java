package io.loyaltysync.cli;

import io.loyaltysync.admin.TopicReport;
import io.loyaltysync.admin.TopicState;
import io.loyaltysync.topology.Topics;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** The job's topics as a table a person reads: name, partitions, cleanup policy, writer, status. */
final class TopicTable {

  private TopicTable() {}

  static void print(final Topics declared, final TopicReport report, final PrintWriter out) {
    final List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"TOPIC", "PARTITIONS", "CLEANUP", "WRITER", "STATUS"});
    for (final Topics.Topic<?> topic : declared.all()) {
      final TopicState state = report.topic(topic.name()).orElseThrow();
      rows.add(
          new String[] {
            topic.name(),
            state.exists() ? Integer.toString(state.partitions()) : "-",
            state.exists() ? state.cleanupPolicy() : "-",
            topic.writer() == Topics.Writer.THIS_APP ? "this app" : "change feed",
            status(state)
          });
    }
    final int[] widths = new int[rows.get(0).length];
    for (final String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (final String[] row : rows) {
      final StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(i == row.length - 1 ? row[i] : pad(row[i], widths[i] + 2));
      }
      out.println(line.toString().stripTrailing());
    }
    report.coPartitioningProblem().ifPresent(problem -> out.println("PROBLEM: " + problem));
    out.flush();
  }

  private static String status(final TopicState state) {
    if (!state.problems().isEmpty()) {
      return String.join("; ", state.problems());
    }
    return state.created() ? "created" : "ok";
  }

  private static String pad(final String text, final int width) {
    return text + " ".repeat(Math.max(0, width - text.length()));
  }
}
