import { Events } from './catalogue';
import { cityOfSource, parseSource, sourceOf, sourceProblem } from './sources';

describe('event sources', () => {
  it('names each producer, and a review instance with its jurisdiction', () => {
    expect(sourceOf('intake')).toBe('/services/intake');
    expect(sourceOf('review')).toBe('/services/review/220000');
    expect(sourceOf('review', '220100')).toBe('/services/review/220100');
    expect(parseSource('/services/review/220100')).toEqual({ service: 'review', jurisdiction: '220100' });
    expect(parseSource('/services/expert-pool')).toEqual({ service: 'expert-pool' });
    expect(parseSource('/tests')).toBeUndefined();
    expect(cityOfSource('/services/review/220100')).toBe('220100');
    expect(cityOfSource('/services/review/220000')).toBeUndefined();
    expect(cityOfSource('/services/intake')).toBeUndefined();
  });

  it("accepts only the topic's producer from the catalogue", () => {
    const submitted = { caseId: 'c', jurisdiction: '220100' };
    expect(sourceProblem(Events.applicationSubmitted, '/services/intake', submitted)).toBeUndefined();
    expect(sourceProblem(Events.applicationSubmitted, '/services/review/220000', submitted)).toMatch(/not the producer of intake.application.submitted.v1/);
    expect(sourceProblem(Events.applicationSubmitted, '/services/intake/220100', submitted)).toMatch(/no per-jurisdiction instances/);
    expect(sourceProblem(Events.applicationSubmitted, 'intake', submitted)).toMatch(/not the producer/);
    expect(sourceProblem(Events.caseApproved, '/services/review', submitted)).toMatch(/names no known jurisdiction/);
    expect(sourceProblem(Events.caseApproved, '/services/review/999999', submitted)).toMatch(/no known jurisdiction/);
  });

  it('lets the province instance speak for any case, a city instance only for its own', () => {
    expect(sourceProblem(Events.caseApproved, '/services/review/220000', { caseId: 'c', jurisdiction: '220200' })).toBeUndefined();
    expect(sourceProblem(Events.caseApproved, '/services/review/220100', { caseId: 'c', jurisdiction: '220100' })).toBeUndefined();
    expect(sourceProblem(Events.caseApproved, '/services/review/220100', { caseId: 'c', jurisdiction: '220200' })).toMatch(
      /220100 may not speak for a case of jurisdiction 220200/,
    );
    expect(sourceProblem(Events.recheckRequested, '/services/review/220100', { caseId: 'c' })).toMatch(/jurisdiction undefined/);
  });
});
