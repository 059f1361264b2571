package it.sportello.bot.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationTests {

    /** 100 right answers at certainties 2.00..2.99, 10 wrong ones at 1.00..1.09 and 3 wrong ones high up. */
    private static List<Calibration.Sample> samples() {
        List<Calibration.Sample> samples = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            samples.add(new Calibration.Sample(2.0f + i / 100f, true));
        }
        for (int i = 0; i < 10; i++) {
            samples.add(new Calibration.Sample(1.0f + i / 100f, false));
        }
        samples.add(new Calibration.Sample(2.95f, false));
        samples.add(new Calibration.Sample(2.55f, false));
        samples.add(new Calibration.Sample(2.05f, false));
        return samples;
    }

    @Test
    void answersDownToTheLowestCertaintyWhosePrecisionStillReachesTheTarget() {
        Calibration calibration = Calibration.fit(samples(), 0.97, 0.9);

        // 103 samples down to 2.00 hold 100 right ones: 97.1 %; one step lower only adds wrong ones.
        assertThat(calibration.threshold()).isEqualTo(2.0f);
        assertThat(calibration.answers(2.5f)).isTrue();
        assertThat(calibration.answers(1.5f)).isFalse();
        assertThat(calibration.confidence(2.99f)).isGreaterThan(calibration.confidence(2.0f));
        assertThat(calibration.confidence(2.0f)).isGreaterThanOrEqualTo(0.97);
    }

    @Test
    void aStricterTargetRaisesTheThreshold() {
        assertThat(Calibration.fit(samples(), 0.99, 0.9).threshold()).isGreaterThan(2.5f);
    }

    @Test
    void raisesTheThresholdUntilEnoughOutOfScopeExamplesAreHandedOver() {
        List<Calibration.Sample> samples = samples();
        for (int i = 0; i < 10; i++) {
            // out-of-scope examples that look sure of themselves: 2.10 .. 2.55
            samples.add(new Calibration.Sample(2.10f + i * 0.05f, false, true));
        }

        Calibration calibration = Calibration.fit(samples, 0.5, 0.8);

        // 8 of the 10 must be handed over: the threshold goes just above the eighth lowest (2.45).
        assertThat(calibration.answers(2.10f + 7 * 0.05f)).isFalse();
        assertThat(calibration.answers(2.10f + 8 * 0.05f)).isTrue();
    }

    @Test
    void tooFewRightAnswersFallBackToTheFixedThreshold() {
        List<Calibration.Sample> few = List.of(new Calibration.Sample(3f, true), new Calibration.Sample(1f, false));

        assertThat(Calibration.fit(few, 0.98, 0.9).threshold()).isEqualTo(Calibration.DEFAULT_THRESHOLD);
    }
}
