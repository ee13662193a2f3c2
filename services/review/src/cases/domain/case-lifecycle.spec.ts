import { CASE_STAGES } from '@filing/contracts';
import { allowedActions, decideStep, FINAL_STAGES, TRANSITIONS } from './case-lifecycle';

describe('case lifecycle transition table', () => {
  it('takes a city case through both provincial re-check gates to the filing notice', () => {
    const path = [
      ['accept', ['center-staff']],
      ['request-experts', ['center-staff']],
      ['group-formed', 'event'],
      ['leader-elected', 'event'],
      ['preliminary-opinion', 'event'],
      ['recheck-pass', 'event'],
      ['technical-opinion', 'event'],
      ['comprehensive-pass', 'event'],
      ['recheck-pass', 'event'],
      ['approve', ['approver']],
      ['notice-passed', 'event'],
      ['filing-issued', 'event'],
    ] as const;
    let stage: (typeof CASE_STAGES)[number] = 'SUBMITTED';
    const seen: string[] = [stage];
    for (const [action, by] of path) {
      const d = decideStep(stage, action, 'city', by as never);
      if (!d.ok) throw new Error(`${action} at ${stage}: ${d.message}`);
      stage = d.to;
      seen.push(stage);
    }
    expect(seen).toEqual([
      'SUBMITTED',
      'ACCEPTED',
      'EXPERT_GROUP_REQUESTED',
      'GROUP_FORMED',
      'PRELIMINARY_REVIEW',
      'PROVINCIAL_RECHECK_PRELIMINARY',
      'ONSITE_EVALUATION',
      'COMPREHENSIVE_REVIEW',
      'PROVINCIAL_RECHECK_COMPREHENSIVE',
      'APPROVAL',
      'PUBLIC_NOTICE',
      'FILING_NOTICE_REQUESTED',
      'FILING_NOTICE_ISSUED',
    ]);
  });

  it('gives a province case no re-check gates', () => {
    expect(decideStep('PRELIMINARY_REVIEW', 'preliminary-opinion', 'province', 'event')).toMatchObject({ ok: false, reason: 'illegal' });
    expect(decideStep('PRELIMINARY_REVIEW', 'preliminary-pass', 'province', 'event')).toEqual({ ok: true, to: 'ONSITE_EVALUATION' });
    expect(decideStep('COMPREHENSIVE_REVIEW', 'comprehensive-pass', 'province', 'event')).toEqual({ ok: true, to: 'APPROVAL' });
    expect(decideStep('COMPREHENSIVE_REVIEW', 'comprehensive-pass', 'city', 'event')).toEqual({ ok: true, to: 'PROVINCIAL_RECHECK_COMPREHENSIVE' });
    expect(decideStep('PRELIMINARY_REVIEW', 'preliminary-pass', 'city', 'event')).toMatchObject({ ok: false, reason: 'illegal' });
  });

  it('sends a failing comprehensive opinion of a city case to the re-check, which confirms it or sends it back to the group', () => {
    expect(decideStep('COMPREHENSIVE_REVIEW', 'comprehensive-fail', 'city', 'event')).toEqual({ ok: true, to: 'PROVINCIAL_RECHECK_COMPREHENSIVE' });
    expect(decideStep('COMPREHENSIVE_REVIEW', 'comprehensive-fail', 'province', 'event')).toEqual({ ok: true, to: 'NOT_PASSED' });
    expect(decideStep('PROVINCIAL_RECHECK_COMPREHENSIVE', 'recheck-fail', 'city', 'event')).toEqual({ ok: true, to: 'NOT_PASSED' });
    expect(decideStep('PROVINCIAL_RECHECK_COMPREHENSIVE', 'recheck-return-to-group', 'city', 'event')).toEqual({ ok: true, to: 'COMPREHENSIVE_REVIEW' });
    expect(decideStep('PROVINCIAL_RECHECK_PRELIMINARY', 'recheck-return-to-group', 'city', 'event')).toMatchObject({ ok: false, reason: 'illegal' });
  });

  it('loops a return back to the preliminary review on resubmission', () => {
    expect(decideStep('PROVINCIAL_RECHECK_PRELIMINARY', 'recheck-fail', 'city', 'event')).toEqual({ ok: true, to: 'RETURNED' });
    expect(decideStep('RETURNED', 'resubmit', 'city', 'event')).toEqual({ ok: true, to: 'PRELIMINARY_REVIEW' });
    expect(decideStep('PRELIMINARY_REVIEW', 'preliminary-fail', 'province', 'event')).toEqual({ ok: true, to: 'RETURNED' });
  });

  it('names the current stage and the allowed steps for an illegal step', () => {
    const d = decideStep('SUBMITTED', 'approve', 'city', ['approver']);
    expect(d).toEqual({
      ok: false,
      reason: 'illegal',
      message: 'cannot approve a city case at stage SUBMITTED',
      allowedActions: [
        { action: 'accept', to: 'ACCEPTED', by: 'center-staff' },
        { action: 'not-accept', to: 'CLOSED', by: 'center-staff' },
      ],
    });
  });

  it('refuses a step to the wrong role, and event-driven steps to HTTP callers', () => {
    expect(decideStep('SUBMITTED', 'accept', 'city', ['approver'])).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(decideStep('APPROVAL', 'approve', 'province', ['center-staff'])).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(decideStep('EXPERT_GROUP_REQUESTED', 'group-formed', 'city', ['admin', 'center-staff'])).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(decideStep('SUBMITTED', 'accept', 'city', 'event')).toMatchObject({ ok: false, reason: 'forbidden' });
  });

  it('is deterministic: at most one target per stage, action and level', () => {
    for (const level of ['city', 'province'] as const) {
      const keys = TRANSITIONS.filter((t) => t.levels.includes(level)).map((t) => `${t.from}/${t.action}`);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it('leaves final stages with no way out and every other stage with at least one', () => {
    for (const stage of CASE_STAGES) {
      for (const level of ['city', 'province'] as const) {
        const out = allowedActions(stage, level);
        if (FINAL_STAGES.includes(stage)) expect(out).toEqual([]);
        else if (!(level === 'province' && stage.startsWith('PROVINCIAL_RECHECK'))) expect(out.length).toBeGreaterThan(0);
      }
    }
  });

  it('lists the steps of one actor only when asked', () => {
    expect(allowedActions('APPROVAL', 'city', 'approver').map((a) => a.action)).toEqual(['approve', 'not-approve']);
    expect(allowedActions('APPROVAL', 'city', 'center-staff')).toEqual([]);
  });
});
