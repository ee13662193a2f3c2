import { registerStep, suspensionProblem, validityMessage } from './register-status';

describe('register status after filing (变更, 暂停, 恢复, 撤销, 注销)', () => {
  it('suspends a valid entry and reinstates a suspended one; a change of details keeps the status', () => {
    expect(registerStep('valid', 'suspend')).toEqual({ ok: true, to: 'suspended' });
    expect(registerStep('suspended', 'reinstate')).toEqual({ ok: true, to: 'valid' });
    expect(registerStep('suspended', 'change-details')).toEqual({ ok: true, to: 'suspended' });
    expect(registerStep('valid', 'withdraw')).toEqual({ ok: true, to: 'withdrawn' });
    expect(registerStep('suspended', 'cancel')).toEqual({ ok: true, to: 'cancelled' });
  });

  it('refuses a step the status does not allow, naming the allowed ones; withdrawal and cancellation are final', () => {
    expect(registerStep('valid', 'reinstate')).toEqual({
      ok: false,
      problem: '备案状态为“有效”，不能恢复',
      allowed: ['change-details', 'suspend', 'withdraw', 'cancel'],
    });
    expect(registerStep('suspended', 'suspend')).toMatchObject({ ok: false, allowed: ['change-details', 'reinstate', 'withdraw', 'cancel'] });
    expect(registerStep('withdrawn', 'reinstate')).toMatchObject({ ok: false, allowed: [] });
    expect(registerStep('cancelled', 'change-details')).toMatchObject({ ok: false, allowed: [] });
  });

  it('a suspension needs a period whose end is not before its start', () => {
    expect(suspensionProblem(undefined)).toContain('暂停期限');
    expect(suspensionProblem({ from: '2026-03-01', until: '2026-02-01' })).toContain('早于');
    expect(suspensionProblem({ from: '2026-03-01' })).toBeUndefined();
    expect(suspensionProblem({ from: '2026-03-01', until: '2026-06-30' })).toBeUndefined();
  });

  it('says whether a document of the entry is valid now', () => {
    expect(validityMessage('valid')).toContain('真实有效');
    expect(validityMessage('suspended', { from: '2026-03-01', until: '2026-06-30' })).toContain('自 2026-03-01 至 2026-06-30');
    expect(validityMessage('withdrawn')).toContain('已失效');
  });
});
