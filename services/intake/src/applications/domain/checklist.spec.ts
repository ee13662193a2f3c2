import { checklistFor, missingItems } from './checklist';

describe('material checklist', () => {
  it('asks an employer for employee numbers and a 社评组织 for experience evidence and fees', () => {
    const employer = checklistFor('new-filing', 'employer').map((i) => i.item);
    const socialOrg = checklistFor('new-filing', 'social-org').map((i) => i.item);
    expect(employer).toContain('employee-numbers');
    expect(employer).not.toContain('experience-evidence');
    expect(socialOrg).toEqual(expect.arrayContaining(['experience-evidence', 'fee-standard']));
    expect(socialOrg).not.toContain('employee-numbers');
  });

  it('has a reduced list for add-occupation', () => {
    const full = checklistFor('new-filing', 'employer').map((i) => i.item);
    const reduced = checklistFor('add-occupation', 'employer').map((i) => i.item);
    expect(reduced.length).toBeLessThan(full.length);
    expect(reduced).not.toContain('business-licence');
    expect(reduced).toEqual(expect.arrayContaining(['application-report', 'occupations-list', 'assessor-list', 'commitment-letter']));
  });

  it('lists the required items not uploaded, in checklist order, ignoring optional ones', () => {
    const checklist = checklistFor('new-filing', 'employer');
    const uploaded = checklist.filter((i) => i.item !== 'sites' && i.item !== 'commitment-letter' && i.item !== 'credit-record').map((i) => i.item);
    expect(missingItems(checklist, uploaded).map((i) => i.item)).toEqual(['sites', 'commitment-letter']);
    expect(
      missingItems(
        checklist,
        checklist.map((i) => i.item),
      ),
    ).toEqual([]);
  });
});
