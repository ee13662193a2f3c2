import { chiSquareCritical, chiSquareSurvival, gammaQ, lnGamma, membershipStatistic, pearsonStatistic } from './goodness-of-fit';

describe('chi-square machinery', () => {
  it('lnGamma matches known values', () => {
    expect(lnGamma(1)).toBeCloseTo(0, 12);
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
  });

  it('Q(1, x) = e^-x on both branches', () => {
    expect(gammaQ(1, 0.5)).toBeCloseTo(Math.exp(-0.5), 12);
    expect(gammaQ(1, 5)).toBeCloseTo(Math.exp(-5), 12);
  });

  it('critical values agree with the printed chi-square table', () => {
    expect(chiSquareCritical(1, 0.05)).toBeCloseTo(3.841, 3);
    expect(chiSquareCritical(9, 0.01)).toBeCloseTo(21.666, 3);
    expect(chiSquareCritical(10, 0.05)).toBeCloseTo(18.307, 3);
    expect(chiSquareCritical(100, 0.01)).toBeCloseTo(135.807, 3);
    expect(chiSquareSurvival(chiSquareCritical(119, 0.01), 119)).toBeCloseTo(0.01, 8);
  });

  it('the membership statistic reduces to Pearson for groups of one', () => {
    const counts = [12, 8, 10, 9, 11];
    expect(membershipStatistic(counts, 50, 1)).toBeCloseTo(pearsonStatistic(counts, [10, 10, 10, 10, 10]), 12);
  });
});
