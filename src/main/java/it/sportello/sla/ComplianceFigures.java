package it.sportello.sla;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The counts behind a share: tickets that met the threshold, missed it, and are still pending.
 * The share is of the decided ones (met and missed), in percent with one decimal.
 */
public record ComplianceFigures(long met, long missed, long pending) {

    public static final ComplianceFigures NONE = new ComplianceFigures(0, 0, 0);

    public long total() {
        return met + missed + pending;
    }

    /** Met out of decided, 0–100 with one decimal (half up); null when nothing is decided yet. */
    public BigDecimal share() {
        long decided = met + missed;
        if (decided == 0) {
            return null;
        }
        return BigDecimal.valueOf(met * 1000L)
                .divide(BigDecimal.valueOf(decided), 0, RoundingMode.HALF_UP)
                .movePointLeft(1)
                .setScale(1, RoundingMode.UNNECESSARY);
    }

    /** Whether the share reaches {@code floor}; null when there is no share yet. */
    public Boolean meets(BigDecimal floor) {
        BigDecimal share = share();
        return share == null ? null : share.compareTo(floor) >= 0;
    }

    ComplianceFigures plus(ComplianceOutcome outcome) {
        return switch (outcome) {
            case MET -> new ComplianceFigures(met + 1, missed, pending);
            case MISSED -> new ComplianceFigures(met, missed + 1, pending);
            case PENDING -> new ComplianceFigures(met, missed, pending + 1);
        };
    }
}
