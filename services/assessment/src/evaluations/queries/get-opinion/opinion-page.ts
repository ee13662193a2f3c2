// Printable pages laid out like the paper forms: 初评意见表, 技术评估意见表, 综合技术评估意见表.
import { SKILL_LEVEL_NAMES, SkillLevel } from '@filing/contracts';
import { OpinionDocument } from '../../domain/opinion-document';
import { ONSITE_METHODS } from '../../domain/score-sheet';

const FORM_TITLES = { preliminary: '初评意见表', technical: '技术评估意见表', comprehensive: '综合技术评估意见表' } as const;
const INSTITUTION_KINDS = { employer: '企业（用人单位）', 'social-org': '社会培训评价组织' } as const;
const APPLICATION_KINDS = { 'new-filing': '新申请备案', 'add-occupation': '申请增加认定职业' } as const;

export function escapeHtml(s: unknown): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function chinaDateText(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3600 * 1000);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

/** Up to two decimals, no trailing zeros: 10.5, 6.33, 70. */
function num(n: number): string {
  return String(Math.round((n + Number.EPSILON) * 100) / 100);
}

function headerRows(doc: OpinionDocument): string {
  const occupations = doc.occupations
    .map(
      (o) =>
        `${escapeHtml(o.code)} ${escapeHtml(o.name)}${o.workType ? `（${escapeHtml(o.workType)}）` : ''}：${o.levels.map((l) => SKILL_LEVEL_NAMES[l as SkillLevel] ?? l).join('、')}`,
    )
    .join('<br>');
  const members = doc.group.members.map((m) => escapeHtml(m.name)).join('、');
  return `
    <tr><th>申报单位名称</th><td colspan="3">${escapeHtml(doc.applicant?.name)}</td></tr>
    <tr><th>统一社会信用代码</th><td>${escapeHtml(doc.applicant?.creditCode)}</td><th>机构类型</th><td>${escapeHtml(doc.institutionKind ? INSTITUTION_KINDS[doc.institutionKind] : '')}</td></tr>
    <tr><th>申请类型</th><td>${escapeHtml(doc.applicationKind ? APPLICATION_KINDS[doc.applicationKind] : '')}</td><th>评估标准</th><td>${escapeHtml(doc.standard.title)}（第 ${escapeHtml(doc.standard.version)} 版）${doc.standard.provisional ? '<br><small>默认标准，待正式附件替换</small>' : ''}</td></tr>
    <tr><th>申报职业（工种）及等级</th><td colspan="3">${occupations}</td></tr>
    <tr><th>专家组组长</th><td>${escapeHtml(doc.group.leader.name)}</td><th>专家组成员</th><td>${members}</td></tr>`;
}

function conclusion(doc: OpinionDocument): string {
  const pass = doc.result === 'pass';
  return `${pass ? '☑' : '☐'} 通过　　${pass ? '☐' : '☑'} 不通过`;
}

function reasonsBlock(doc: OpinionDocument, label: string): string {
  if (!doc.reasons.length) return '';
  return `<tr><th>${label}</th><td colspan="3"><ol>${doc.reasons.map((r) => `<li>${escapeHtml(r)}</li>`).join('')}</ol></td></tr>`;
}

function scoreTable(doc: OpinionDocument): string {
  const c = doc.consolidation!;
  const members = doc.group.members.filter((m) => c.items[0]?.memberScores.some((s) => s.expertId === m.expertId));
  const head = members.map((m) => `<th>${escapeHtml(m.name)}</th>`).join('');
  const rows = c.items
    .map((item, i) => {
      const cells = members
        .map((m) => {
          const s = item.memberScores.find((x) => x.expertId === m.expertId);
          return s ? `<td class="n${s.outlier ? ' outlier' : ''}">${num(s.score)}${s.outlier ? ' ※' : ''}</td>` : '<td></td>';
        })
        .join('');
      return `<tr><td class="n">${i + 1}</td><td>${escapeHtml(item.title)}</td><td class="n">${num(item.maxPoints)}</td>${cells}<td class="n">${num(item.median)}</td><td class="n"><b>${num(item.score)}</b></td></tr>`;
    })
    .join('');
  const scaled = c.occupationOnly
    ? `<tr><td colspan="${members.length + 5}">本案为申请增加认定职业，仅评估职业相关项目（满分 ${num(c.scopeMax)} 分），得分 ${num(c.rawTotal)} 分，按标准总分折算为 ${num(c.total)} 分。</td></tr>`
    : '';
  return `
  <table class="scores">
    <tr><th>序号</th><th>评估项目</th><th>分值</th>${head}<th>中位数</th><th>评估得分</th></tr>
    ${rows}
    <tr><th colspan="2">合计</th><td class="n">${num(c.scopeMax)}</td><td colspan="${members.length + 1}"></td><td class="n"><b>${num(c.rawTotal)}</b></td></tr>
    ${scaled}
    <tr><td colspan="${members.length + 5}"><small>评估得分为各专家得分的${c.items[0]?.method === 'trimmed-mean' ? '去掉一个最高分和一个最低分后的平均分' : '平均分'}；※ 表示与该项中位数相差超过该项分值的 ${Math.round(c.options.outlierShareOfMax * 100)}%。</small></td></tr>
  </table>`;
}

function totals(doc: OpinionDocument): string {
  const c = doc.consolidation!;
  const vetoes = c.vetoes.length ? c.vetoes.map((v) => `${escapeHtml(v.vetoId)} ${escapeHtml(v.title)}`).join('<br>') : '无';
  return `
    <tr><th>总分</th><td>${num(c.total)} 分（满分 ${num(doc.standard.total)} 分）</td><th>合格分数线</th><td>${num(c.passLine)} 分</td></tr>
    <tr><th>否决项</th><td colspan="3">${vetoes}${c.vetoed ? '<br><b>触发否决项，评估结论为不通过。</b>' : ''}</td></tr>`;
}

function methods(doc: OpinionDocument): string {
  const used = new Set(doc.methodsUsed ?? []);
  return `<tr><th>评估方式</th><td colspan="3">${ONSITE_METHODS.map((m) => `${used.has(m) ? '☑' : '☐'} ${m}`).join('　')}</td></tr>`;
}

function materialText(m: { materialId: string; version: number; page?: number } | null | undefined): string {
  return m ? `（材料 ${escapeHtml(m.materialId)} 第 ${m.version} 版${m.page ? ` 第 ${m.page} 页` : ''}）` : '';
}

/** 现场技术评估记录: the plan, who signed in, the entries by method, and which methods covered which item. */
function onsiteVisit(doc: OpinionDocument): string {
  const v = doc.onsiteVisit;
  if (!v) return `<tr><th>现场技术评估</th><td colspan="3">未记录现场技术评估</td></tr>`;
  const attendance = v.members.map((m) => `${escapeHtml(m.name)}${m.signedInAt ? '（已签到）' : '（未签到）'}`).join('、');
  const entries = ONSITE_METHODS.map((method) => {
    const rows = v.records.filter((r) => r.method === method);
    if (!rows.length) return '';
    const lines = rows
      .map(
        (r) =>
          `<li>${escapeHtml(r.detail)}${r.notes ? `；${escapeHtml(r.notes)}` : ''}（支撑项目 ${r.itemIds.map(escapeHtml).join('、')}${r.evidence.length ? `；佐证 ${r.evidence.map((e) => escapeHtml(e.fileName)).join('、')}` : ''}）<small> — ${escapeHtml(r.name)}</small></li>`,
      )
      .join('');
    return `<tr><th>${method}</th><td colspan="3"><ul>${lines}</ul></td></tr>`;
  }).join('');
  const head = ONSITE_METHODS.map((m) => `<th>${m}</th>`).join('');
  const coverage = v.coverage
    .map((c) => {
      const used = new Set(c.methods);
      return `<tr><td>${escapeHtml(c.itemId)} ${escapeHtml(c.title)}</td>${ONSITE_METHODS.map((m) => `<td class="n">${used.has(m) ? '✓' : ''}</td>`).join('')}</tr>`;
    })
    .join('');
  return `
    <tr><th>现场评估日期、地点</th><td colspan="3">${escapeHtml(v.date)}　${escapeHtml(v.place)}</td></tr>
    <tr><th>参加成员</th><td colspan="3">${attendance}</td></tr>
    ${entries}
    <tr><th>评估方式覆盖的评估项目</th><td colspan="3"><table class="scores" aria-label="评估方式覆盖的评估项目"><tr><th>评估项目</th>${head}</tr>${coverage}</table></td></tr>`;
}

function signatures(doc: OpinionDocument, everyone: boolean): string {
  const who = everyone ? doc.group.members : [doc.group.leader];
  const label = everyone ? '专家组成员签字' : '专家组组长签字';
  return `<tr><th>${label}</th><td colspan="3">${who.map((m) => `${escapeHtml(m.name)}：＿＿＿＿＿`).join('　')}<p class="date">${chinaDateText(doc.submittedAt)}</p></td></tr>`;
}

const levelNames = (levels: number[]) => levels.map((l) => SKILL_LEVEL_NAMES[l as SkillLevel] ?? l).join('、');

/** 综合评审会: the meeting, and the result against the score arithmetic with the reason where they differ. */
function plenaryRows(doc: OpinionDocument): string {
  const p = doc.plenary;
  if (!p) return '';
  const zh = (r: 'pass' | 'fail') => (r === 'pass' ? '通过' : '不通过');
  const round = doc.round > 1 ? `（第 ${doc.round} 轮，省级复核退回后重新评议）` : '';
  const differs = p.result !== p.scoreResult;
  return `
    <tr><th>综合评审会</th><td colspan="3">${escapeHtml(p.meeting.date)}${p.meeting.place ? `，${escapeHtml(p.meeting.place)}` : ''}${round}<br>出席：${p.meeting.attendees.map((a) => escapeHtml(a.name)).join('、')}（${p.meeting.attendees.length}/${doc.group.members.length} 人）</td></tr>
    <tr><th>评分结果</th><td>${zh(p.scoreResult)}</td><th>评审会结论</th><td>${zh(p.result)}${differs ? '（与评分结果不一致）' : ''}</td></tr>
    ${differs ? `<tr><th>不一致理由</th><td colspan="3" class="text">${escapeHtml(p.overrideReason)}</td></tr>` : ''}`;
}

/** The outcome per applied occupation and level (分职业评估结论). */
function outcomeRows(doc: OpinionDocument): string {
  const p = doc.plenary;
  if (!p) return '';
  const rows = p.occupationOutcomes
    .map(
      (o) =>
        `<tr><td>${escapeHtml(o.code)} ${escapeHtml(o.name)}${o.workType ? `（${escapeHtml(o.workType)}）` : ''}</td><td>${levelNames(o.appliedLevels)}</td><td>${o.result === 'pass' ? `通过：${levelNames(o.levels)}` : '不通过'}</td><td>${escapeHtml(o.reason ?? '')}</td></tr>`,
    )
    .join('');
  return `<tr><th>分职业评估结论</th><td colspan="3"><table class="outcomes"><tr><th>职业（工种）</th><th>申报等级</th><th>结论</th><th>理由</th></tr>${rows}</table></td></tr>`;
}

function body(doc: OpinionDocument): string {
  switch (doc.kind) {
    case 'preliminary': {
      const findings = doc.findings?.length
        ? `<ol>${doc.findings.map((f) => `<li>${escapeHtml(f.text)}${f.subItemId ? `（评估项 ${escapeHtml(f.subItemId)}）` : ''}${materialText(f.material)}<small> — ${escapeHtml(f.name)}</small></li>`).join('')}</ol>`
        : '无';
      return `
    ${headerRows(doc)}
    <tr><th>初审轮次</th><td colspan="3">第 ${doc.round} 轮</td></tr>
    <tr><th>材料审核发现</th><td colspan="3">${findings}</td></tr>
    <tr><th>初评意见</th><td colspan="3" class="text">${escapeHtml(doc.summary)}</td></tr>
    ${reasonsBlock(doc, doc.result === 'pass' ? '理由' : '不通过理由')}
    <tr><th>初评结论</th><td colspan="3">${conclusion(doc)}</td></tr>
    ${signatures(doc, false)}`;
    }
    case 'technical':
      return `
    ${headerRows(doc)}
    ${methods(doc)}
    ${onsiteVisit(doc)}
    <tr><td colspan="4">${scoreTable(doc)}</td></tr>
    ${totals(doc)}
    ${reasonsBlock(doc, '否决项说明')}
    <tr><th>技术评估意见</th><td colspan="3" class="text">${escapeHtml(doc.summary)}</td></tr>
    <tr><th>评估结论</th><td colspan="3">${conclusion(doc)}</td></tr>
    ${signatures(doc, true)}`;
    case 'comprehensive': {
      const c = doc.consolidation!;
      const breakdown = c.items.map((i) => `${escapeHtml(i.title)} ${num(i.score)}/${num(i.maxPoints)}`).join('；');
      const dissent = doc.dissent?.length ? doc.dissent.map((d) => `${escapeHtml(d.name)}：${escapeHtml(d.opinion)}`).join('<br>') : '无';
      return `
    ${headerRows(doc)}
    ${totals(doc)}
    <tr><th>分项得分</th><td colspan="3">${breakdown}</td></tr>
    ${plenaryRows(doc)}
    <tr><th>综合技术评估意见</th><td colspan="3" class="text">${escapeHtml(doc.summary)}</td></tr>
    <tr><th>不同意见</th><td colspan="3">${dissent}</td></tr>
    <tr><th>综合评估结论</th><td colspan="3">${conclusion(doc)}</td></tr>
    ${outcomeRows(doc)}
    ${signatures(doc, true)}`;
    }
  }
}

/** The whole page, self-contained (inline CSS, A4 print layout). Every value from the document is escaped. */
export function renderOpinionPage(doc: OpinionDocument): string {
  const title = FORM_TITLES[doc.kind];
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${title} — ${escapeHtml(doc.applicant?.name)}</title>
<style>
  @page { size: A4; margin: 18mm 15mm; }
  body { font-family: "SimSun", "宋体", "Songti SC", serif; font-size: 12pt; color: #000; max-width: 180mm; margin: 0 auto; }
  h1 { text-align: center; font-size: 18pt; letter-spacing: 0.2em; margin: 0 0 4mm; }
  .meta { display: flex; justify-content: space-between; font-size: 10.5pt; margin-bottom: 2mm; }
  table { width: 100%; border-collapse: collapse; }
  th, td { border: 1px solid #000; padding: 2mm; vertical-align: top; }
  th { width: 22%; font-weight: normal; text-align: center; background: #fff; }
  table.scores th, table.outcomes th { width: auto; }
  td.n { text-align: center; }
  td.outlier { font-style: italic; }
  td.text { white-space: pre-wrap; min-height: 30mm; height: 30mm; }
  .date { text-align: right; margin: 4mm 0 0; }
  small { font-size: 9pt; }
  .provisional { border: 1px solid #000; padding: 1.5mm 2mm; font-size: 10pt; margin: 0 0 3mm; }
</style>
</head>
<body>
<h1>${title}</h1>
${doc.standard.provisional ? `<p class="provisional">本意见所用评估标准“${escapeHtml(doc.standard.title)}”第 ${escapeHtml(doc.standard.version)} 版为默认标准（试行），待正式附件替换，分值与否决项并非官方数值。</p>` : ''}
<div class="meta"><span>案件编号：${escapeHtml(doc.caseId)}</span><span>意见编号：${escapeHtml(doc.opinionId)}</span></div>
<table>
${body(doc)}
</table>
</body>
</html>
`;
}
