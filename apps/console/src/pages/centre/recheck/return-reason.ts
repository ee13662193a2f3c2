import type { ChecklistItem } from '../../../services/intake/views';

/**
 * The reason of a failed re-check as one text (review keeps one reason): the materials to correct named by their
 * checklist titles first, so the applicant's page marks each of them (itemsNamedIn), then the reviewer's words.
 */
export function returnReason(reason: string, items: Pick<ChecklistItem, 'title'>[]): string {
  const text = reason.trim();
  if (!items.length) return text;
  return `需补正材料：${items.map((i) => i.title).join('、')}。${text}`;
}
