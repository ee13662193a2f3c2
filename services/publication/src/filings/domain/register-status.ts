import type { RegisterAction, RegisterStatus } from '@filing/contracts';

export const ACTION_NAMES: Record<RegisterAction, string> = { 'change-details': '变更', suspend: '暂停', reinstate: '恢复', withdraw: '撤销', cancel: '注销' };
export const STATUS_NAMES: Record<RegisterStatus, string> = { valid: '有效', suspended: '暂停', withdrawn: '已撤销', cancelled: '已注销' };

/** From which statuses each step may be taken, and where it leads (变更 keeps the status). 撤销 and 注销 are final. */
const STEPS: Record<RegisterAction, { from: RegisterStatus[]; to: RegisterStatus | 'same' }> = {
  'change-details': { from: ['valid', 'suspended'], to: 'same' },
  suspend: { from: ['valid'], to: 'suspended' },
  reinstate: { from: ['suspended'], to: 'valid' },
  withdraw: { from: ['valid', 'suspended'], to: 'withdrawn' },
  cancel: { from: ['valid', 'suspended'], to: 'cancelled' },
};

export type StatusStep = { ok: true; to: RegisterStatus } | { ok: false; problem: string; allowed: RegisterAction[] };

export function registerStep(current: RegisterStatus, action: RegisterAction): StatusStep {
  const step = STEPS[action];
  const allowed = (Object.keys(STEPS) as RegisterAction[]).filter((a) => STEPS[a].from.includes(current));
  if (!step.from.includes(current)) {
    return { ok: false, problem: `备案状态为“${STATUS_NAMES[current]}”，不能${ACTION_NAMES[action]}`, allowed };
  }
  return { ok: true, to: step.to === 'same' ? current : step.to };
}

/** A suspension's period: from a date, until a later one (or open-ended until reinstated). */
export function suspensionProblem(period: { from: string; until?: string } | undefined): string | undefined {
  if (!period) return '暂停须写明暂停期限（起始日期）';
  if (period.until && period.until < period.from) return `暂停截止日期 ${period.until} 早于起始日期 ${period.from}`;
  return undefined;
}

/** What the verification page says of an entry in a status: whether a filing notice of it is valid now. */
export function validityMessage(status: RegisterStatus, suspension?: { from: string | null; until: string | null }): string {
  switch (status) {
    case 'valid':
      return '该备案通知真实有效，机构备案状态为“有效”。';
    case 'suspended':
      return `该备案通知为本平台出具，但机构备案已暂停${suspension?.from ? `（自 ${suspension.from}${suspension.until ? ` 至 ${suspension.until}` : ' 起，至恢复为止'}）` : ''}，暂停期间不得开展职业技能等级认定。`;
    case 'withdrawn':
      return '该备案通知为本平台出具，但机构备案已被撤销，通知已失效。';
    case 'cancelled':
      return '该备案通知为本平台出具，但机构备案已注销，通知已失效。';
  }
}
