import { describe, expect, it } from 'vitest';
import { homeOf, safeNext } from './home';

describe('where a signed-in person goes', () => {
  it('starts an applicant at 我的申报, an official at the workbench (工作台), someone without a role at the notices', () => {
    expect(homeOf(['applicant'])).toBe('/applicant/applications');
    expect(homeOf(['center-staff'])).toBe('/workbench');
    expect(homeOf(['approver'])).toBe('/workbench');
    expect(homeOf([])).toBe('/notices');
  });

  it('returns only to a page of the console, never to another site or back to the sign-in pages', () => {
    expect(safeNext('/cases/1?x=1')).toBe('/cases/1?x=1');
    expect(safeNext('//evil.example/x')).toBeNull();
    expect(safeNext('https://evil.example/')).toBeNull();
    expect(safeNext('/sign-in?next=/x')).toBeNull();
    expect(safeNext('/signed-in?code=1')).toBeNull();
    expect(safeNext(undefined)).toBeNull();
  });
});
