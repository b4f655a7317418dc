package io.loyaltysync.bench;

import io.loyaltysync.mapping.CompiledMap;
import io.loyaltysync.mapping.FieldBinding;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.mapping.Template;
import io.loyaltysync.sync.FieldGroups;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.IndexedRecord;

/**
 * The rows of one template in the {@link ChangeEventGenerator}: their keys, the image each side
 * holds of each, and which fields a user of each side edits. Images are replaced, never changed in
 * place, so an event may share one.
 */
final class TemplateRows {
  final Template template;
  final CompiledMap map;
  final int size;
  final String[] keys;
  final IndexedRecord[][] images;
  final boolean[][] reported;
  final int[] busy;

  final List<FieldBinding> bindings;

  /** Per side: the groups (binding indices) a user of that side edits and the sync carries. */
  final int[][][] editable = new int[2][][];

  /** The groups both sides edit: where conflicts happen. */
  final int[][] twoWay;

  /** Per side: the positions the sync writes to that side. */
  final int[][] written = new int[2][];

  final int opPosition;
  final int afterPosition;
  final int sourcePosition;

  TemplateRows(final Template template, final CompiledMap map, final int size) {
    this.template = template;
    this.map = map;
    this.size = size;
    this.keys = new String[size];
    for (int i = 0; i < size; i++) {
      keys[i] = BenchKeys.keyText(template, i);
    }
    this.images = new IndexedRecord[2][size];
    this.reported = new boolean[2][size];
    this.busy = new int[size];
    this.bindings = map.bindings();
    final FieldGroups fieldGroups = FieldGroups.of(template, bindings);
    for (final Side side : Side.values()) {
      written[side.ordinal()] =
          bindings.stream()
              .filter(b -> b.writtenTo(side))
              .mapToInt(b -> b.position(side))
              .toArray();
      editable[side.ordinal()] = editableGroups(bindings, fieldGroups, side);
    }
    this.twoWay =
        Arrays.stream(editable[Side.ERP.ordinal()])
            .filter(
                group -> Arrays.stream(group).allMatch(b -> bindings.get(b).sourcedFrom(Side.CRM)))
            .toArray(int[][]::new);
    this.opPosition = template.changeEvent(Side.ERP).getField("op").pos();
    this.afterPosition = template.changeEvent(Side.ERP).getField("after").pos();
    this.sourcePosition = template.changeEvent(Side.ERP).getField("source").pos();
  }

  /** The positions in {@code side}'s record of the bindings of {@code group}. */
  int[] positions(final int[] group, final Side side) {
    final int[] positions = new int[group.length];
    for (int i = 0; i < group.length; i++) {
      positions[i] = bindings.get(group[i]).position(side);
    }
    return positions;
  }

  /** Groups (binding indices) of non-key fields an edit on {@code side} changes and carries. */
  private static int[][] editableGroups(
      final List<FieldBinding> bindings, final FieldGroups groups, final Side side) {
    final Map<Integer, List<Integer>> members = new LinkedHashMap<>();
    for (int b = 0; b < bindings.size(); b++) {
      final FieldBinding binding = bindings.get(b);
      if (!binding.key() && binding.sourcedFrom(side)) {
        members.computeIfAbsent(groups.groupOf(b), root -> new ArrayList<>()).add(b);
      }
    }
    final List<int[]> result = new ArrayList<>();
    for (final List<Integer> group : members.values()) {
      result.add(group.stream().mapToInt(Integer::intValue).toArray());
    }
    if (result.isEmpty()) {
      throw new IllegalStateException("map " + bindings + " has no field a user can edit");
    }
    return result.toArray(int[][]::new);
  }
}
