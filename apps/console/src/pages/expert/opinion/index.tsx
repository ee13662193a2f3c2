import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Button, Skeleton, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { call } from '../../../services/api';
import { ONSITE_METHODS, type OpinionDocument } from '../../../services/assessment/views';
import { access } from '../../../access';
import { useAuth } from '../../../auth/auth-context';
import { ErrorAlert } from '../../../components/error-alert';
import { APPLICATION_KIND_NAMES, INSTITUTION_KIND_NAMES, OPINION_KIND_NAMES, levelsText } from '../../../lib/vocabulary';
import { ConsolidationView } from '../evaluation/leader-forms';
import './opinion-print.css';

/** One of the group's opinions laid out like the paper form, to print (the menu and buttons are left off the print). */
export default function OpinionPage() {
  const { caseId = '', kind = '' } = useParams();
  const can = access(useAuth().session?.user);
  const opinion = useQuery({
    queryKey: ['evaluation', caseId, 'opinion', kind],
    queryFn: () => call<OpinionDocument>('assessment', 'get', '/cases/{caseId}/opinions/{kind}', { path: { caseId, kind } }),
  });
  if (opinion.isLoading) return <Skeleton active />;
  const o = opinion.data;
  if (!o) return <ErrorAlert error={opinion.error} />;
  const title = OPINION_KIND_NAMES[o.kind] ?? o.kind;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} className="opinion-sheet">
      <Space className="no-print">
        <Link to={can.expert ? `/expert/cases/${caseId}` : `/cases/${caseId}`}>返回</Link>
        <Button onClick={() => window.print()}>打印</Button>
      </Space>
      <Typography.Title level={2} style={{ textAlign: 'center', margin: 0 }}>
        职业技能等级认定机构备案{title}
      </Typography.Title>
      {o.standard.provisional && (
        <Typography.Paragraph className="opinion-provisional" aria-label="评估标准说明">
          本意见所用评估标准“{o.standard.title}”第 {o.standard.version} 版为默认标准（试行），待正式附件替换，分值与否决项并非官方数值。
        </Typography.Paragraph>
      )}
      <table className="plain-table opinion-table" aria-label={title}>
        <tbody>
          <tr>
            <th>申报机构</th>
            <td colSpan={3}>{o.applicant?.name}</td>
          </tr>
          <tr>
            <th>统一社会信用代码</th>
            <td>{o.applicant?.creditCode}</td>
            <th>机构类型 / 申报类型</th>
            <td>
              {INSTITUTION_KIND_NAMES[o.institutionKind ?? ''] ?? '—'} / {APPLICATION_KIND_NAMES[o.applicationKind ?? ''] ?? '—'}
            </td>
          </tr>
          <tr>
            <th>认定职业及等级</th>
            <td colSpan={3}>{o.occupations.map((x) => `${x.name}（${levelsText(x.levels)}）`).join('；')}</td>
          </tr>
          <tr>
            <th>评估标准</th>
            <td colSpan={3}>
              {o.standard.title} · 第 {o.standard.version} 版{o.standard.provisional ? '（试行）' : ''} · 满分 {o.standard.total}，合格线 {o.standard.passLine}
            </td>
          </tr>
          <tr>
            <th>专家组</th>
            <td colSpan={3}>
              组长 {o.group.leader.name}；成员 {o.group.members.map((m) => m.name).join('、')}
            </td>
          </tr>
          {o.methodsUsed && o.methodsUsed.length > 0 && (
            <tr>
              <th>现场评估方式</th>
              <td colSpan={3}>{o.methodsUsed.join('、')}</td>
            </tr>
          )}
          {o.onsiteVisit && (
            <>
              <tr>
                <th>现场评估日期、地点</th>
                <td colSpan={3}>
                  {o.onsiteVisit.date}　{o.onsiteVisit.place}
                </td>
              </tr>
              <tr>
                <th>参加成员</th>
                <td colSpan={3}>{o.onsiteVisit.members.map((m) => `${m.name}${m.signedInAt ? '（已签到）' : '（未签到）'}`).join('、')}</td>
              </tr>
              {ONSITE_METHODS.filter((m) => o.onsiteVisit!.records.some((r) => r.method === m)).map((m) => (
                <tr key={m}>
                  <th>{m}</th>
                  <td colSpan={3}>
                    {o
                      .onsiteVisit!.records.filter((r) => r.method === m)
                      .map((r) => (
                        <div key={r.recordId}>
                          {r.detail}
                          {r.notes ? `；${r.notes}` : ''}（支撑项目 {r.itemIds.join('、')}
                          {r.evidence.length ? `；佐证 ${r.evidence.map((e) => e.fileName).join('、')}` : ''}）— {r.name}
                        </div>
                      ))}
                  </td>
                </tr>
              ))}
            </>
          )}
          <tr>
            <th>结论</th>
            <td colSpan={3}>
              <Tag color={o.result === 'pass' ? 'green' : 'red'}>{o.result === 'pass' ? '通过' : '不通过'}</Tag>
              {o.consolidation ? ` 总分 ${o.consolidation.total} 分，合格线 ${o.consolidation.passLine} 分` : ''}
            </td>
          </tr>
          <tr>
            <th>{title}</th>
            <td colSpan={3} style={{ whiteSpace: 'pre-wrap', minHeight: 80 }}>
              {o.summary}
              {o.reasons.length > 0 && (
                <ol style={{ margin: '8px 0 0' }}>
                  {o.reasons.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ol>
              )}
            </td>
          </tr>
          {o.findings && o.findings.length > 0 && (
            <tr>
              <th>审查发现</th>
              <td colSpan={3}>
                {o.findings.map((f) => (
                  <div key={f.recordedAt + f.expertId}>
                    {f.name}：{f.text}
                    {f.material ? `（材料 ${f.material.materialId} 第 ${f.material.version} 版${f.material.page ? ` 第 ${f.material.page} 页` : ''}）` : ''}
                  </div>
                ))}
              </td>
            </tr>
          )}
          {o.plenary && (
            <>
              <tr>
                <th>综合评审会</th>
                <td colSpan={3}>
                  {o.plenary.meeting.date}
                  {o.plenary.meeting.place ? `，${o.plenary.meeting.place}` : ''}
                  {o.round > 1 ? `（第 ${o.round} 轮，省级复核退回后重新评议）` : ''}；出席 {o.plenary.meeting.attendees.map((a) => a.name).join('、')}（
                  {o.plenary.meeting.attendees.length}/{o.group.members.length} 人）
                </td>
              </tr>
              <tr>
                <th>评分结果 / 评审会结论</th>
                <td colSpan={3}>
                  {o.plenary.scoreResult === 'pass' ? '通过' : '不通过'} / {o.plenary.result === 'pass' ? '通过' : '不通过'}
                  {o.plenary.overrideReason ? `（不一致的理由：${o.plenary.overrideReason}）` : ''}
                </td>
              </tr>
              <tr>
                <th>分职业评估结论</th>
                <td colSpan={3}>
                  <ul aria-label="分职业评估结论" style={{ margin: 0, paddingLeft: 18 }}>
                    {o.plenary.occupationOutcomes.map((x) => (
                      <li key={`${x.code}${x.workType ?? ''}`}>
                        {x.name}
                        {x.workType ? `（${x.workType}）` : ''}（申报 {levelsText(x.appliedLevels)}）：
                        {x.result === 'pass' ? `通过 ${levelsText(x.levels)}` : '不通过'}
                        {x.reason ? `；${x.reason}` : ''}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            </>
          )}
          {o.dissent && o.dissent.length > 0 && (
            <tr>
              <th>不同意见</th>
              <td colSpan={3}>
                {o.dissent.map((d) => (
                  <div key={d.expertId}>
                    {d.name}：{d.opinion}
                  </div>
                ))}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {o.onsiteVisit && o.onsiteVisit.coverage.length > 0 && (
        <table className="plain-table opinion-table" aria-label="评估方式覆盖的评估项目">
          <thead>
            <tr>
              <th>评估项目</th>
              {ONSITE_METHODS.map((m) => (
                <th key={m}>{m}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {o.onsiteVisit.coverage.map((c) => (
              <tr key={c.itemId}>
                <td>
                  {c.itemId} {c.title}
                </td>
                {ONSITE_METHODS.map((m) => (
                  <td key={m} style={{ textAlign: 'center' }}>
                    {c.methods.includes(m) ? '✓' : ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {o.consolidation && <ConsolidationView consolidation={o.consolidation} members={o.group.members} />}
      <div className="opinion-signature">
        <span>专家组组长（签字）：</span>
        <span>日期：{dayjs(o.submittedAt).format('YYYY 年 M 月 D 日')}</span>
      </div>
    </Space>
  );
}
