// A visit-record entry as the form holds it, and as the service expects it (each method carries its own details).
import type { ONSITE_METHODS } from '../../../services/assessment/views';

type Method = (typeof ONSITE_METHODS)[number];

export interface RecordForm {
  method: Method;
  itemIds: string[];
  notes?: string;
  reporter?: string;
  sites?: string;
  interviewees?: string;
  question?: string;
  answer?: string;
  checkSubject?: string;
  checkResult?: '符合' | '部分符合' | '不符合';
  checkNote?: string;
  materialId?: string;
  page?: number | null;
}

const lines = (s: string | undefined) =>
  (s ?? '')
    .split(/\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** The form's fields as the entry the service expects: each method carries its own details. */
export function recordBody(v: RecordForm, versionOf: (materialId: string) => number | undefined) {
  const version = v.materialId ? versionOf(v.materialId) : undefined;
  return {
    method: v.method,
    itemIds: v.itemIds ?? [],
    notes: (v.notes ?? '').trim(),
    ...(v.method === '听取汇报' ? { reporter: (v.reporter ?? '').trim() } : {}),
    ...(v.method === '现场查看' ? { sites: lines(v.sites) } : {}),
    ...(v.method === '访谈咨询'
      ? {
          interviewees: lines(v.interviewees).map((l) => {
            const [name, ...role] = l.split(/[，,]/);
            return { name: name.trim(), role: role.join('，').trim() };
          }),
        }
      : {}),
    ...(v.method === '质询答疑' ? { questions: [{ question: (v.question ?? '').trim(), answer: (v.answer ?? '').trim() }] } : {}),
    ...(v.method === '技术抽查'
      ? { checks: [{ subject: (v.checkSubject ?? '').trim(), result: v.checkResult ?? '符合', ...(v.checkNote?.trim() ? { note: v.checkNote.trim() } : {}) }] }
      : {}),
    ...(v.materialId && version ? { materials: [{ materialId: v.materialId, version, ...(v.page ? { page: v.page } : {}) }] } : {}),
  };
}
