import { StandardDocument } from './standard';

const EPSILON = 1e-9;

/**
 * Checks that a standard adds up (architecture: configurable standards must still be coherent). Returns every problem
 * found, in words an administrator can act on; an empty list means the standard may be loaded.
 */
export function validateStandard(s: StandardDocument): string[] {
  const problems: string[] = [];
  const ids = new Map<string, string>();
  const claim = (id: string, what: string) => {
    const earlier = ids.get(id);
    if (earlier) problems.push(`id "${id}" is used twice (${earlier} and ${what})`);
    else ids.set(id, what);
  };

  if (!/^\d{4}-\d{2}-\d{2}$/.test(s.effectiveFrom) || Number.isNaN(Date.parse(`${s.effectiveFrom}T00:00:00Z`))) {
    problems.push(`effectiveFrom "${s.effectiveFrom}" is not a calendar date YYYY-MM-DD`);
  }
  if (!(s.total > 0)) problems.push(`total ${s.total} must be greater than 0`);
  if (!(s.passLine >= 0 && s.passLine <= s.total)) problems.push(`passLine ${s.passLine} is outside 0..${s.total} (the total)`);
  if (s.items.length === 0) problems.push('the standard has no items');

  let itemSum = 0;
  for (const item of s.items) {
    claim(item.id, `item ${item.id}`);
    itemSum += item.maxPoints;
    if (!(item.maxPoints > 0)) problems.push(`item ${item.id}: maxPoints ${item.maxPoints} must be greater than 0`);
    if (item.subItems.length === 0) problems.push(`item ${item.id} has no sub-items`);
    let subSum = 0;
    for (const sub of item.subItems) {
      claim(sub.id, `sub-item ${sub.id} of item ${item.id}`);
      subSum += sub.maxPoints;
      if (!(sub.maxPoints > 0)) problems.push(`sub-item ${sub.id}: maxPoints ${sub.maxPoints} must be greater than 0`);
    }
    if (item.subItems.length > 0 && Math.abs(subSum - item.maxPoints) > EPSILON) {
      problems.push(`item ${item.id} (${item.title}): sub-item points add up to ${subSum}, not the item's ${item.maxPoints}`);
    }
  }
  if (s.items.length > 0 && Math.abs(itemSum - s.total) > EPSILON) problems.push(`item points add up to ${itemSum}, not the total ${s.total}`);
  if (s.items.length > 0 && !s.items.some((i) => i.occupationRelated)) {
    problems.push('no item is occupation-related: an add-occupation case (增加认定职业) could not be scored');
  }
  for (const veto of s.vetoes) claim(veto.id, `veto ${veto.id}`);
  return problems;
}
