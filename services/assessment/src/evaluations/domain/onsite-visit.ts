// 现场技术评估 as a record (procedure §三): the visit's plan, who signed in on the day, and what was done by each of
// the five methods, each entry tied to the standard's items it supports. Pure domain code.
import type { StandardItem } from '../../standards/domain/standard';
import { ONSITE_METHODS, OnsiteMethod } from './score-sheet';

/** A page of one version of one of the case's materials (intake's material id; the group sees it in the materials view). */
export interface MaterialPointer {
  materialId: string;
  version: number;
  page?: number;
}

export interface VisitPlan {
  /** China calendar date of the visit, YYYY-MM-DD. */
  date: string;
  place: string;
  /** The members going (expert ids of the group). */
  memberIds: string[];
}

export interface Attendance {
  expertId: string;
  signedInAt: string;
}

export type SpotCheckResult = '符合' | '部分符合' | '不符合';
export const SPOT_CHECK_RESULTS: readonly SpotCheckResult[] = ['符合', '部分符合', '不符合'];

/** One entry of the visit record, by one method. The method decides which details it must carry. */
export interface VisitRecordInput {
  method: OnsiteMethod;
  notes: string;
  /** Items or sub-items of the pinned standard the entry supports. */
  itemIds: string[];
  /** 听取汇报: who gave the report. */
  reporter?: string;
  /** 现场查看: the sites inspected. */
  sites?: string[];
  /** 访谈咨询: who was interviewed. */
  interviewees?: { name: string; role: string }[];
  /** 质询答疑: the questions asked and the answers given. */
  questions?: { question: string; answer: string }[];
  /** 技术抽查: what was spot-checked and the result. */
  checks?: { subject: string; result: SpotCheckResult; note?: string }[];
  materials?: MaterialPointer[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Why a plan cannot be accepted, in Chinese; empty when it can. */
export function visitPlanProblems(plan: VisitPlan, groupMemberIds: string[], today: string): string[] {
  const problems: string[] = [];
  if (!DATE.test(plan.date) || Number.isNaN(Date.parse(`${plan.date}T00:00:00Z`))) problems.push(`现场评估日期“${plan.date}”不是 YYYY-MM-DD 格式的日期`);
  else if (plan.date < today) problems.push(`现场评估日期 ${plan.date} 早于今天（${today}）`);
  if (!plan.place.trim()) problems.push('请填写现场评估地点');
  if (plan.memberIds.length === 0) problems.push('请选择参加现场评估的专家组成员');
  const seen = new Set<string>();
  for (const id of plan.memberIds) {
    if (seen.has(id)) problems.push(`专家 ${id} 重复列出`);
    seen.add(id);
    if (!groupMemberIds.includes(id)) problems.push(`专家 ${id} 不是本案专家组成员`);
  }
  return problems;
}

/** Why an entry cannot be recorded, in Chinese; empty when it can. `knownIds` are the pinned standard's item and sub-item ids. */
export function visitRecordProblems(input: VisitRecordInput, knownIds: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  if (!ONSITE_METHODS.includes(input.method)) problems.push(`评估方式“${input.method}”不是 ${ONSITE_METHODS.join('/')} 之一`);
  if (input.itemIds.length === 0) problems.push('请至少选择一个该记录支撑的评估项目');
  for (const id of input.itemIds) if (!knownIds.has(id)) problems.push(`评估项目 ${id} 不在本案使用的评估标准中`);
  if (new Set(input.itemIds).size !== input.itemIds.length) problems.push('评估项目重复选择');
  const blank = (s: string | undefined) => !s || !s.trim();
  switch (input.method) {
    case '听取汇报':
      if (blank(input.reporter)) problems.push('听取汇报：请填写汇报人');
      break;
    case '现场查看':
      if (!input.sites?.length || input.sites.some(blank)) problems.push('现场查看：请填写查看的场所（每项不能为空）');
      break;
    case '访谈咨询':
      if (!input.interviewees?.length || input.interviewees.some((p) => blank(p.name) || blank(p.role))) problems.push('访谈咨询：请填写访谈对象的姓名和岗位');
      break;
    case '质询答疑':
      if (!input.questions?.length || input.questions.some((q) => blank(q.question) || blank(q.answer))) problems.push('质询答疑：请填写提出的问题和答复');
      break;
    case '技术抽查':
      if (!input.checks?.length || input.checks.some((c) => blank(c.subject))) problems.push('技术抽查：请填写抽查的内容');
      for (const c of input.checks ?? [])
        if (!SPOT_CHECK_RESULTS.includes(c.result)) problems.push(`技术抽查：结果“${c.result}”应为 ${SPOT_CHECK_RESULTS.join('/')} 之一`);
      break;
  }
  for (const m of input.materials ?? []) {
    if (!(Number.isInteger(m.version) && m.version >= 1)) problems.push(`材料 ${m.materialId}：版本 ${m.version} 应为正整数`);
    if (m.page !== undefined && !(Number.isInteger(m.page) && m.page >= 1)) problems.push(`材料 ${m.materialId}：页码 ${m.page} 应为正整数`);
  }
  return problems;
}

/** The item and sub-item ids an entry may be tied to. */
export function standardIds(items: StandardItem[]): Set<string> {
  return new Set(items.flatMap((i) => [i.id, ...i.subItems.map((s) => s.id)]));
}

export interface ItemCoverage {
  itemId: string;
  title: string;
  /** The methods whose entries support the item or one of its sub-items, in the procedure's order. */
  methods: OnsiteMethod[];
}

/** Which methods covered which item (an entry tied to a sub-item covers its item). */
export function visitCoverage(items: StandardItem[], records: { method: OnsiteMethod; itemIds: string[] }[]): ItemCoverage[] {
  return items.map((item) => {
    const ids = new Set([item.id, ...item.subItems.map((s) => s.id)]);
    const used = new Set(records.filter((r) => r.itemIds.some((id) => ids.has(id))).map((r) => r.method));
    return { itemId: item.id, title: item.title, methods: ONSITE_METHODS.filter((m) => used.has(m)) };
  });
}

/** A line of text for an entry's details, as the printable record shows it. */
export function recordDetailText(r: VisitRecordInput): string {
  switch (r.method) {
    case '听取汇报':
      return `汇报人：${r.reporter ?? ''}`;
    case '现场查看':
      return `查看场所：${(r.sites ?? []).join('、')}`;
    case '访谈咨询':
      return `访谈对象：${(r.interviewees ?? []).map((p) => `${p.name}（${p.role}）`).join('、')}`;
    case '质询答疑':
      return (r.questions ?? []).map((q, i) => `问${i + 1}：${q.question} 答：${q.answer}`).join('；');
    case '技术抽查':
      return `抽查：${(r.checks ?? []).map((c) => `${c.subject}（${c.result}${c.note ? `，${c.note}` : ''}）`).join('；')}`;
  }
}

// Evidence files (photos, documents): the declared type must be accepted and the bytes must match it.
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);
const zipWith = (bytes: Uint8Array, entry: string) =>
  startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(entry, 0, 'latin1');

export const EVIDENCE_TYPES: readonly { contentType: string; label: string; matches: (b: Uint8Array) => boolean }[] = [
  { contentType: 'image/jpeg', label: 'JPEG 照片', matches: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  { contentType: 'image/png', label: 'PNG 图片', matches: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { contentType: 'application/pdf', label: 'PDF 文档', matches: (b) => startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d]) },
  {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'Word 文档（.docx）',
    matches: (b) => zipWith(b, 'word/'),
  },
  {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    label: 'Excel 表格（.xlsx）',
    matches: (b) => zipWith(b, 'xl/'),
  },
];

export type EvidenceVerdict = { ok: true; contentType: string } | { ok: false; status: 400 | 413 | 415; message: string };

/** Checks an uploaded evidence file: not empty, not over the limit, an accepted type whose bytes match. */
export function checkEvidence(declared: string, bytes: Uint8Array, maxBytes: number): EvidenceVerdict {
  if (bytes.length === 0) return { ok: false, status: 400, message: '佐证文件为空' };
  if (bytes.length > maxBytes) return { ok: false, status: 413, message: `佐证文件超过大小上限（${(maxBytes / 1024 / 1024).toFixed(1)} MB）` };
  const normalised = declared.split(';')[0].trim().toLowerCase();
  const type = EVIDENCE_TYPES.find((t) => t.contentType === normalised);
  if (!type)
    return {
      ok: false,
      status: 415,
      message: `不接受的文件类型 ${declared || '（未声明）'}；可上传：${EVIDENCE_TYPES.map((t) => t.label).join('、')}`,
    };
  if (!type.matches(bytes)) return { ok: false, status: 415, message: `文件声明为${type.label}，但内容不是${type.label}` };
  return { ok: true, contentType: type.contentType };
}
