package io.loyaltysync.sync;

import io.loyaltysync.mapping.FieldBinding;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.mapping.Template;
import java.util.Iterator;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Fields a cross-field rule binds together (a {@code requiredWhen} / {@code emptyWhen} property of
 * the F&amp;O schema, e.g. REWARDPOINTCURRENCY and REWARDPOINTTYPE). The sync merges such a group
 * as one: merging its fields one by one could combine one side's type with the other side's
 * currency into a row both systems refuse.
 */
public final class FieldGroups {

  private final int[] groupOf;

  private FieldGroups(final int[] groupOf) {
    this.groupOf = groupOf;
  }

  /**
   * The groups of {@code bindings} of {@code template}: each binding's group is a binding index.
   */
  public static FieldGroups of(final Template template, final List<FieldBinding> bindings) {
    final Schema erp = template.entity(Side.ERP).schema();
    final int[] parent = new int[bindings.size()];
    for (int b = 0; b < parent.length; b++) {
      parent[b] = b;
    }
    for (int b = 0; b < bindings.size(); b++) {
      final Schema.Field field = erp.getFields().get(bindings.get(b).erpPosition());
      for (final String property : List.of("requiredWhen", "emptyWhen")) {
        final Object condition = field.getObjectProp(property);
        if (!(condition instanceof java.util.Map<?, ?> map)) {
          continue;
        }
        final Iterator<?> names = map.keySet().iterator();
        while (names.hasNext()) {
          final Schema.Field other = erp.getField(names.next().toString());
          for (int o = 0; o < bindings.size(); o++) {
            if (other != null && bindings.get(o).erpPosition() == other.pos()) {
              union(parent, b, o);
            }
          }
        }
      }
    }
    final int[] groupOf = new int[parent.length];
    for (int b = 0; b < parent.length; b++) {
      groupOf[b] = find(parent, b);
    }
    return new FieldGroups(groupOf);
  }

  /** The group of binding {@code b}, as the index of one of its members. */
  public int groupOf(final int b) {
    return groupOf[b];
  }

  /** Whether binding {@code b} shares a rule with another. */
  public boolean grouped(final int b) {
    for (int o = 0; o < groupOf.length; o++) {
      if (o != b && groupOf[o] == groupOf[b]) {
        return true;
      }
    }
    return false;
  }

  private static int find(final int[] parent, final int b) {
    int root = b;
    while (parent[root] != root) {
      root = parent[root];
    }
    return root;
  }

  private static void union(final int[] parent, final int a, final int b) {
    parent[find(parent, a)] = find(parent, b);
  }
}
