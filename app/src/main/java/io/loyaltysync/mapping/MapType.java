package io.loyaltysync.mapping;

import java.util.Arrays;
import java.util.Optional;

/** The six dual-write map-type symbols. */
public enum MapType {
  /** {@code =}: copied both ways, no transform. */
  BOTH("=", true, true, false),
  /** {@code ><}: copied both ways through a value map. */
  BOTH_VALUE_MAP("><", true, true, false),
  /** {@code >}: F&amp;O to Dataverse only. */
  ERP_TO_CRM(">", true, false, false),
  /** {@code <}: Dataverse to F&amp;O only. */
  CRM_TO_ERP("<", false, true, false),
  /** {@code >>}: F&amp;O to Dataverse only, with a default and/or a one-way value map. */
  ERP_TO_CRM_TRANSFORM(">>", true, false, true),
  /** {@code <<}: Dataverse to F&amp;O only, with a default and/or a one-way value map. */
  CRM_TO_ERP_TRANSFORM("<<", false, true, true);

  private final String symbol;
  private final boolean toCrm;
  private final boolean toErp;
  private final boolean transform;

  MapType(final String symbol, final boolean toCrm, final boolean toErp, final boolean transform) {
    this.symbol = symbol;
    this.toCrm = toCrm;
    this.toErp = toErp;
    this.transform = transform;
  }

  public String symbol() {
    return symbol;
  }

  /** Whether values of this row flow in {@code direction}. */
  public boolean flows(final Direction direction) {
    return direction == Direction.ERP_TO_CRM ? toCrm : toErp;
  }

  public boolean bidirectional() {
    return toCrm && toErp;
  }

  /** {@code >>} or {@code <<}: a one-way row that carries a default or a one-way value map. */
  public boolean transform() {
    return transform;
  }

  /** The only side whose edits this row carries, or empty for a two-way row. */
  public Optional<Side> onlySource() {
    if (bidirectional()) {
      return Optional.empty();
    }
    return Optional.of(toCrm ? Side.ERP : Side.CRM);
  }

  public static Optional<MapType> ofSymbol(final String symbol) {
    return Arrays.stream(values()).filter(t -> t.symbol.equals(symbol)).findFirst();
  }
}
