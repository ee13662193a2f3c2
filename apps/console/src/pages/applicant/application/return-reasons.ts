import type { ChecklistItem } from '../../../services/intake/views';

type Reason = string | { item?: string; reason?: string; text?: string };

export function reasonText(r: Reason): string {
  return typeof r === 'string' ? r : (r.reason ?? r.text ?? '');
}

/**
 * The checklist items a return asks to correct: named by item (when the return carries them) or by their title or
 * key in the reason's text (退回意见 are free text today).
 */
export function itemsNamedIn(reasons: Reason[], checklist: ChecklistItem[]): Set<string> {
  const out = new Set<string>();
  for (const r of reasons) {
    if (typeof r !== 'string' && r.item) out.add(r.item);
    const text = reasonText(r);
    for (const c of checklist) {
      const core = c.title.replace(/[（(].*$/, '');
      if (text.includes(c.item) || (core.length >= 2 && text.includes(core))) out.add(c.item);
    }
  }
  return out;
}
