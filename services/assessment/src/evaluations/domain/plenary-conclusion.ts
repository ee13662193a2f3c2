// The plenary meeting's conclusion (综合评审会): the group's result, its reasons where it departs from the score
// arithmetic, and an outcome per applied occupation and level. Pure domain code.
import type { GroupMember } from './group-member';

export interface AppliedOccupation {
  code: string;
  name: string;
  workType?: string;
  levels: number[];
}

export interface PlenaryInput {
  meeting: { date: string; place?: string; attendees: string[] };
  result: 'pass' | 'fail';
  overrideReason?: string;
  occupations: { code: string; workType?: string; levels: number[]; reason?: string }[];
}

export interface OccupationOutcome {
  code: string;
  name: string;
  workType?: string;
  result: 'pass' | 'fail';
  appliedLevels: number[];
  levels: number[];
  reason?: string;
}

export interface PlenaryConclusion {
  meeting: { date: string; place?: string; attendees: { expertId: string; name: string }[] };
  result: 'pass' | 'fail';
  scoreResult: 'pass' | 'fail';
  overrideReason?: string;
  occupationOutcomes: OccupationOutcome[];
}

/** The facts the conclusion is checked against. */
export interface PlenaryFacts {
  members: GroupMember[];
  leaderExpertId: string;
  applied: AppliedOccupation[];
  /** The technical opinion's consolidation: its result and whether a veto (一票否决) was triggered. */
  scoreResult: 'pass' | 'fail';
  vetoed: boolean;
  /** Today in China (YYYY-MM-DD): the meeting cannot be in the future. */
  today: string;
}

const key = (o: { code: string; workType?: string }) => `${o.code}|${o.workType ?? ''}`;
const label = (o: { code: string; name?: string; workType?: string }) => `${o.name ?? o.code}${o.workType ? `（${o.workType}）` : ''} ${o.code}`;

/**
 * Checks the plenary's conclusion and returns it, or the list of problems (each in Chinese, naming the field). The
 * result may differ from the arithmetic only with a reason, and never pass over a veto; every applied occupation gets
 * exactly one outcome; the result is pass exactly when at least one occupation passes.
 */
export function concludePlenary(input: PlenaryInput, facts: PlenaryFacts): { ok: true; conclusion: PlenaryConclusion } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const memberIds = new Set(facts.members.map((m) => m.expertId));
  const attendees = [...new Set(input.meeting.attendees)];
  const strangers = attendees.filter((a) => !memberIds.has(a));
  if (strangers.length) problems.push(`meeting.attendees：${strangers.join('、')} 不是专家组成员`);
  if (!attendees.includes(facts.leaderExpertId)) problems.push('meeting.attendees：组长须出席综合评审会');
  // 全体会议: more than half of the group must be present for the meeting to conclude.
  if (attendees.length * 2 <= facts.members.length)
    problems.push(`meeting.attendees：出席 ${attendees.length} 人，未超过专家组 ${facts.members.length} 人的半数`);
  if (input.meeting.date > facts.today) problems.push(`meeting.date：会议日期 ${input.meeting.date} 晚于今天 ${facts.today}`);

  const overrideReason = input.overrideReason?.trim() || undefined;
  if (input.result !== facts.scoreResult && !overrideReason)
    problems.push(`overrideReason：综合评审结论（${zh(input.result)}）与评分结果（${zh(facts.scoreResult)}）不一致，须写明理由`);
  if (input.result === 'pass' && facts.vetoed) problems.push('result：已触发否决项（一票否决），综合评审结论不能为通过');

  const given = new Map<string, PlenaryInput['occupations'][number]>();
  for (const o of input.occupations) {
    if (given.has(key(o))) problems.push(`occupations：${label(o)} 重复`);
    given.set(key(o), o);
  }
  const appliedKeys = new Set(facts.applied.map(key));
  for (const o of input.occupations) if (!appliedKeys.has(key(o))) problems.push(`occupations：${label(o)} 不是本案申报的职业（工种）`);
  const outcomes: OccupationOutcome[] = [];
  for (const a of facts.applied) {
    const o = given.get(key(a));
    if (!o) {
      problems.push(`occupations：缺少申报职业 ${label(a)} 的评审结论`);
      continue;
    }
    const extra = o.levels.filter((l) => !a.levels.includes(l));
    if (extra.length) problems.push(`occupations：${label(a)} 未申报等级 ${extra.join('、')}`);
    const levels = a.levels.filter((l) => o.levels.includes(l));
    const reason = o.reason?.trim() || undefined;
    if (levels.length < a.levels.length && !reason) problems.push(`occupations：${label(a)} ${levels.length ? '未全部通过所申报等级' : '不通过'}，须写明理由`);
    outcomes.push({
      code: a.code,
      name: a.name,
      ...(a.workType ? { workType: a.workType } : {}),
      result: levels.length ? 'pass' : 'fail',
      appliedLevels: [...a.levels],
      levels,
      ...(reason ? { reason } : {}),
    });
  }
  const anyPassed = outcomes.some((o) => o.result === 'pass');
  if (outcomes.length === facts.applied.length) {
    if (input.result === 'pass' && !anyPassed) problems.push('occupations：综合评审结论为通过，但没有任何职业通过');
    if (input.result === 'fail' && anyPassed) problems.push('occupations：综合评审结论为不通过，不能有通过的职业');
  }
  if (problems.length) return { ok: false, problems };
  const names = new Map(facts.members.map((m) => [m.expertId, m.name]));
  return {
    ok: true,
    conclusion: {
      meeting: {
        date: input.meeting.date,
        ...(input.meeting.place?.trim() ? { place: input.meeting.place.trim() } : {}),
        attendees: attendees.map((expertId) => ({ expertId, name: names.get(expertId) ?? expertId })),
      },
      result: input.result,
      scoreResult: facts.scoreResult,
      ...(input.result !== facts.scoreResult ? { overrideReason } : {}),
      occupationOutcomes: outcomes,
    },
  };
}

function zh(r: 'pass' | 'fail'): string {
  return r === 'pass' ? '通过' : '不通过';
}
