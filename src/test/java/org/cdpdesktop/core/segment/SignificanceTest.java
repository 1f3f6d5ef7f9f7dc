package org.cdpdesktop.core.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SignificanceTest {

    @Test
    void fisherGivesTheLadyTastingTeaItsTextbookPValue() {
        assertThat(Significance.fisher(3, 1, 1, 3)).isCloseTo(0.4857, within(1e-4));
    }

    @Test
    void chiSquareWithOneDegreeOfFreedomMatchesTheTable() {
        // chi-square = 100 * (10*40 - 20*30)^2 / (30 * 70 * 40 * 60) = 0.7937, P(X > 0.7937) = 0.3730
        assertThat(Significance.chiSquare(10, 20, 30, 40)).isCloseTo(0.3730, within(1e-3));
    }

    @Test
    void smallExpectedCountsAreTestedExactly() {
        assertThat(Significance.pValue(3, 1, 1, 3)).isEqualTo(Significance.fisher(3, 1, 1, 3));
        assertThat(Significance.pValue(10, 20, 30, 40)).isEqualTo(Significance.chiSquare(10, 20, 30, 40));
    }

    @Test
    void benjaminiHochbergAdjustsByRankAndKeepsTheOrderGiven() {
        assertThat(Significance.benjaminiHochberg(new double[] {0.01, 0.04, 0.03, 0.005}))
                .containsExactly(new double[] {0.02, 0.04, 0.04, 0.02}, within(1e-12));
    }

    @Test
    void logGammaOfWholeNumbersIsTheLogFactorial() {
        assertThat(Significance.logGamma(11)).isCloseTo(Math.log(3_628_800), within(1e-10));
        assertThat(Significance.logGamma(1)).isCloseTo(0, within(1e-12));
    }
}
