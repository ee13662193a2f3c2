/**
 * A 公示批次: one 公示 listing several institutions approved together (in practice the centre posts them as one
 * notice). The batch only groups notices: each keeps its own window, objections and outcome. Pure rules, no framework.
 */

/** At most this many institutions in one 公示: a table an office can still print and read (a few pages at most). */
export const MAX_NOTICES_PER_BATCH = 30;

export type BatchRefusalCode =
  | 'NOTICE_BATCH_EMPTY'
  | 'NOTICE_BATCH_DUPLICATE_NOTICE'
  | 'NOTICE_BATCH_TOO_LARGE'
  | 'NOTICE_BATCH_NOTICE_NOT_FOUND'
  | 'NOTICE_BATCH_MIXED_JURISDICTIONS'
  | 'NOTICE_BATCH_NOTICE_NOT_OPEN'
  | 'NOTICE_BATCH_NOTICE_ALREADY_BATCHED';

/** Why a batch is refused: `kind` says which answer (400 bad request, 404 unknown, 409 state, 422 rule). */
export interface BatchRefusal {
  kind: 'invalid' | 'not-found' | 'conflict' | 'rule';
  code: BatchRefusalCode;
  message: string;
  noticeIds?: string[];
}

/** The list itself: not empty, no notice twice, not more than the cap. */
export function batchListProblem(noticeIds: string[]): BatchRefusal | undefined {
  if (noticeIds.length === 0) return { kind: 'invalid', code: 'NOTICE_BATCH_EMPTY', message: '请至少选择一项公示' };
  const seen = new Set<string>();
  const dup = [...new Set(noticeIds.filter((id) => (seen.has(id) ? true : (seen.add(id), false))))];
  if (dup.length) return { kind: 'invalid', code: 'NOTICE_BATCH_DUPLICATE_NOTICE', message: `同一项公示不能重复列入：${dup.join('、')}`, noticeIds: dup };
  if (noticeIds.length > MAX_NOTICES_PER_BATCH)
    return {
      kind: 'invalid',
      code: 'NOTICE_BATCH_TOO_LARGE',
      message: `一次合并发布的公示最多 ${MAX_NOTICES_PER_BATCH} 项（本次 ${noticeIds.length} 项），请分批发布`,
    };
  return undefined;
}

/** What the rules need of each listed notice, as stored (locked) when the batch is decided. */
export interface BatchCandidate {
  id: string;
  jurisdiction: string;
  status: string;
  endDate: string;
  institutionName: string;
  /** The number of the batch the notice is in already, if any. */
  inBatch: string | null;
}

/**
 * The notices as found: each one the caller may act on (else it is as unknown: no existence leak), all of one
 * jurisdiction (the 公示 has one issuing unit), each still open with its window not over, none in another batch.
 */
export function batchNoticesProblem(
  noticeIds: string[],
  found: BatchCandidate[],
  canActIn: (jurisdiction: string) => boolean,
  today: string,
): BatchRefusal | undefined {
  const byId = new Map(found.filter((n) => canActIn(n.jurisdiction)).map((n) => [n.id, n]));
  const missing = noticeIds.filter((id) => !byId.has(id));
  if (missing.length)
    return { kind: 'not-found', code: 'NOTICE_BATCH_NOTICE_NOT_FOUND', message: `没有编号为 ${missing.join('、')} 的公示`, noticeIds: missing };
  const notices = noticeIds.map((id) => byId.get(id)!);
  const jurisdictions = [...new Set(notices.map((n) => n.jurisdiction))];
  if (jurisdictions.length > 1)
    return {
      kind: 'rule',
      code: 'NOTICE_BATCH_MIXED_JURISDICTIONS',
      message: `合并发布的公示须属于同一辖区（本次涉及 ${jurisdictions.join('、')}），各辖区分别发布`,
    };
  const closed = notices.filter((n) => n.status !== 'open' || n.endDate < today);
  if (closed.length)
    return {
      kind: 'conflict',
      code: 'NOTICE_BATCH_NOTICE_NOT_OPEN',
      message: `以下公示已结束公示期，不能再合并发布：${closed.map((n) => n.institutionName).join('、')}`,
      noticeIds: closed.map((n) => n.id),
    };
  const batched = notices.filter((n) => n.inBatch);
  if (batched.length)
    return {
      kind: 'conflict',
      code: 'NOTICE_BATCH_NOTICE_ALREADY_BATCHED',
      message: `以下公示已列入其他公示批次：${batched.map((n) => `${n.institutionName}（${n.inBatch}）`).join('、')}`,
      noticeIds: batched.map((n) => n.id),
    };
  return undefined;
}

export interface BatchRowWindow {
  startDate: string;
  endDate: string;
  workingDays: number;
}

/** The window all rows share, or null when any differs (then each row shows its own). */
export function commonWindow(rows: BatchRowWindow[]): BatchRowWindow | null {
  if (!rows.length) return null;
  const [first] = rows;
  return rows.every((r) => r.startDate === first.startDate && r.endDate === first.endDate && r.workingDays === first.workingDays)
    ? { startDate: first.startDate, endDate: first.endDate, workingDays: first.workingDays }
    : null;
}

/** 关于甲等3家机构职业技能等级认定机构备案技术评估结果的公示 (增加认定职业 when every row adds occupations). */
export function batchTitle(rows: { institutionName: string; applicationKind: string }[]): string {
  const kinds = new Set(rows.map((r) => r.applicationKind));
  const what = kinds.size === 1 && kinds.has('add-occupation') ? '增加认定职业' : kinds.has('add-occupation') ? '备案及增加认定职业' : '备案';
  const who = rows.length === 1 ? rows[0].institutionName : `${rows[0].institutionName}等${rows.length}家机构`;
  return `关于${who}职业技能等级认定机构${what}技术评估结果的公示`;
}
