// Why assessment refused a standard version (standard-validation.ts words them), in Chinese.

const MESSAGES: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^id "(.+)" is used twice \((.+) and (.+)\)$/, (m) => `编号“${m[1]}”重复使用（${m[2]} 与 ${m[3]}）`],
  [/^effectiveFrom "(.*)" is not a calendar date/, (m) => `施行日期“${m[1]}”不是 YYYY-MM-DD 格式的日期`],
  [/^total (.+) must be greater than 0$/, (m) => `总分 ${m[1]} 必须大于 0`],
  [/^passLine (.+) is outside 0\.\.(.+) \(the total\)$/, (m) => `合格线 ${m[1]} 不在 0 至总分 ${m[2]} 之间`],
  [/^the standard has no items$/, () => '标准没有任何评估项目'],
  [/^item (.+): maxPoints (.+) must be greater than 0$/, (m) => `项目 ${m[1]} 的分值 ${m[2]} 必须大于 0`],
  [/^item (.+) has no sub-items$/, (m) => `项目 ${m[1]} 没有评估内容（子项）`],
  [/^sub-item (.+): maxPoints (.+) must be greater than 0$/, (m) => `子项 ${m[1]} 的分值 ${m[2]} 必须大于 0`],
  [
    /^item (.+) \((.+)\): sub-item points add up to (.+), not the item's (.+)$/,
    (m) => `项目 ${m[1]}（${m[2]}）各子项分值合计 ${m[3]}，与该项目分值 ${m[4]} 不符`,
  ],
  [/^item points add up to (.+), not the total (.+)$/, (m) => `各项目分值合计 ${m[1]}，与总分 ${m[2]} 不符`],
  [/^no item is occupation-related/, () => '没有与认定职业相关的项目，增加认定职业的案件无法评分'],
];

/** One problem in Chinese; a problem of the request's shape ("items.0.title: …") keeps the service's words after its field. */
export function standardProblemText(problem: string): string {
  for (const [pattern, text] of MESSAGES) {
    const m = pattern.exec(problem);
    if (m) return text(m);
  }
  return problem;
}

/** A file's text as a standard document, or why it is not one (read in the browser before anything is sent). */
export function readStandardFile(text: string): { document?: Record<string, unknown>; problem?: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { problem: `文件不是有效的 JSON：${(err as Error).message}` };
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { problem: '文件内容应为一个评估标准对象（含 standardId、version、items 等）' };
  return { document: parsed as Record<string, unknown> };
}
