import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Form, Input, InputNumber, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { call } from '../../../services/api';
import { type Evaluation, type ScoreSheet } from '../../../services/assessment/views';
import { ApiError } from '../../../api/problem';
import { useAuth } from '../../../auth/auth-context';
import { ErrorAlert } from '../../../components/error-alert';

interface SheetForm {
  scores: Record<string, number | null>;
  evidenceNote: string;
  vetoes: Record<string, { flagged?: boolean; reason?: string }>;
}

const METHOD_NAMES: Record<string, string> = { materials: '材料审核', onsite: '现场评估' };

/**
 * The member's on-site score sheet (现场评估评分表), laid out from the standard pinned for the case: each item with its
 * sub-items, points, 评分办法 and 佐证材料; the veto items (否决项). The methods used are the visit record's. Saved as a draft, submitted
 * once (then read only).
 */
export function ScoreSheetCard({ caseId, evaluation }: { caseId: string; evaluation: Evaluation }) {
  const me = useAuth().session!.user.expertId!;
  const queryClient = useQueryClient();
  const [form] = Form.useForm<SheetForm>();
  const [confirming, setConfirming] = useState(false);
  const [savedAt, setSavedAt] = useState<string>();
  const mine = useQuery({
    queryKey: ['evaluation', caseId, 'sheet', me],
    queryFn: () =>
      call<ScoreSheet>('assessment', 'get', '/cases/{caseId}/score-sheets/mine', { path: { caseId } }).catch((e) =>
        e instanceof ApiError && e.status === 404 ? null : Promise.reject(e),
      ),
  });
  const scope = evaluation.scope!;
  const standard = evaluation.standard!;
  const sheet = mine.data;
  const submitted = sheet?.status === 'submitted';

  useEffect(() => {
    if (!sheet) return;
    form.setFieldsValue({
      scores: Object.fromEntries(sheet.scores.map((s) => [s.subItemId, s.score])),
      evidenceNote: sheet.evidenceNote,
      vetoes: Object.fromEntries(sheet.vetoes.map((v) => [v.vetoId, { flagged: true, reason: v.reason }])),
    });
  }, [sheet, form]);

  const body = (v: SheetForm) => ({
    scores: Object.entries(v.scores ?? {})
      .filter(([, score]) => typeof score === 'number')
      .map(([subItemId, score]) => ({ subItemId, score: score as number })),
    evidenceNote: (v.evidenceNote ?? '').trim(),
    vetoes: Object.entries(v.vetoes ?? {})
      .filter(([, x]) => x?.flagged)
      .map(([vetoId, x]) => ({ vetoId, reason: (x.reason ?? '').trim() })),
  });
  const save = useMutation({
    mutationFn: (v: SheetForm) => call('assessment', 'put', '/cases/{caseId}/score-sheets/mine', { path: { caseId }, body: body(v) }),
    onSuccess: () => setSavedAt(dayjs().format('HH:mm:ss')),
  });
  const submit = useMutation({
    mutationFn: async (v: SheetForm) => {
      await call('assessment', 'put', '/cases/{caseId}/score-sheets/mine', { path: { caseId }, body: body(v) });
      return call('assessment', 'post', '/cases/{caseId}/score-sheets/mine/submit', { path: { caseId } });
    },
    onSuccess: () => {
      setConfirming(false);
      void queryClient.invalidateQueries({ queryKey: ['evaluation', caseId] });
    },
  });
  const values = Form.useWatch([], form);
  const subtotal = (itemId: string) => scope.items.find((i) => i.id === itemId)!.subItems.reduce((sum, s) => sum + (values?.scores?.[s.id] ?? 0), 0);
  const total = scope.items.reduce((sum, i) => sum + subtotal(i.id), 0);
  const filled = scope.items.flatMap((i) => i.subItems).filter((s) => typeof values?.scores?.[s.id] === 'number').length;
  const count = scope.items.reduce((n, i) => n + i.subItems.length, 0);

  return (
    <Card
      title={`我的评分表 · ${standard.title}（第 ${standard.version} 版）`}
      size="small"
      extra={submitted ? <Tag color="green">已于 {dayjs(sheet!.submittedAt).format('YYYY-MM-DD HH:mm')} 提交</Tag> : <Tag>草稿</Tag>}
    >
      {scope.occupationOnly && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`增加认定职业：只评与职业相关的项目（满分 ${scope.scopeMax}，折算到 ${standard.total} 分）`}
        />
      )}
      <Form form={form} layout="vertical" aria-label="评分表" disabled={submitted} onFinish={(v) => submit.mutate(v)}>
        {scope.items.map((item) => (
          <fieldset
            key={item.id}
            aria-label={`${item.id} ${item.title}`}
            style={{ border: '1px solid #f0f0f0', borderRadius: 4, padding: '8px 12px', marginBottom: 12 }}
          >
            <legend style={{ fontWeight: 600, fontSize: 15, width: 'auto', padding: '0 6px', margin: 0, border: 0 }}>
              {item.id} {item.title}（{item.maxPoints} 分）· 小计 {round2(subtotal(item.id))}
            </legend>
            {item.subItems.map((s) => (
              <div key={s.id} style={{ display: 'flex', flexWrap: 'wrap', gap: 12, padding: '6px 0', borderTop: '1px dashed #f0f0f0' }}>
                <div style={{ flex: '1 1 420px', minWidth: 0 }}>
                  <div>
                    <strong>{s.id}</strong> {s.title}（{s.maxPoints} 分 · {METHOD_NAMES[s.method] ?? s.method}）
                  </div>
                  <div style={{ color: '#666', fontSize: 13 }}>评分办法：{s.guidance}</div>
                  <div style={{ color: '#888', fontSize: 12 }}>佐证材料：{s.evidence}</div>
                </div>
                <Form.Item
                  name={['scores', s.id]}
                  style={{ margin: 0 }}
                  rules={[{ type: 'number', min: 0, max: s.maxPoints, message: `0 至 ${s.maxPoints} 分` }]}
                >
                  <InputNumber
                    aria-label={`${s.id} ${s.title} 得分`}
                    min={0}
                    max={s.maxPoints}
                    step={0.5}
                    precision={2}
                    addonAfter={`/ ${s.maxPoints}`}
                    style={{ width: 150 }}
                  />
                </Form.Item>
              </div>
            ))}
          </fieldset>
        ))}
        <fieldset aria-label="否决项" style={{ border: '1px solid #ffccc7', borderRadius: 4, padding: '8px 12px', marginBottom: 12 }}>
          <legend style={{ fontWeight: 600, fontSize: 15, width: 'auto', padding: '0 6px', margin: 0, border: 0 }}>否决项（任一项成立即不通过）</legend>
          {standard.vetoes.map((v) => (
            <div key={v.id}>
              <Form.Item name={['vetoes', v.id, 'flagged']} valuePropName="checked" style={{ margin: '4px 0' }}>
                <Checkbox>
                  {v.id} {v.title}
                </Checkbox>
              </Form.Item>
              {values?.vetoes?.[v.id]?.flagged && (
                <Form.Item
                  name={['vetoes', v.id, 'reason']}
                  label={`${v.id} 事实依据`}
                  rules={[{ required: true, whitespace: true, message: '请写明所见事实' }]}
                >
                  <Input.TextArea rows={2} maxLength={2000} />
                </Form.Item>
              )}
            </div>
          ))}
        </fieldset>
        <Typography.Paragraph type="secondary">采用的现场评估方式以上方“现场技术评估”中的记录为准：提交评分表前请至少记录一项。</Typography.Paragraph>
        <Form.Item name="evidenceNote" label="佐证说明" rules={[{ required: true, whitespace: true, message: '请填写佐证说明' }]}>
          <Input.TextArea rows={3} maxLength={8000} placeholder="评分所依据的现场所见、查阅的材料和抽查情况" />
        </Form.Item>
        <Typography.Paragraph strong aria-label="评分合计">
          已评 {filled}/{count} 项，合计 {round2(total)} 分（满分 {scope.scopeMax}）
        </Typography.Paragraph>
        <ErrorAlert error={save.error ?? submit.error ?? mine.error} />
        {!submitted && (
          <Space wrap>
            <Button onClick={() => save.mutate(form.getFieldsValue(true))} loading={save.isPending}>
              保存草稿
            </Button>
            {savedAt && <Typography.Text type="secondary">草稿已于 {savedAt} 保存</Typography.Text>}
            {!confirming ? (
              <Button type="primary" onClick={() => void form.validateFields().then(() => setConfirming(true))} disabled={filled < count}>
                提交评分表
              </Button>
            ) : (
              <>
                <Typography.Text>提交后不能再修改，确认提交？</Typography.Text>
                <Button type="primary" htmlType="submit" loading={submit.isPending}>
                  确认提交评分表
                </Button>
                <Button onClick={() => setConfirming(false)}>取消</Button>
              </>
            )}
          </Space>
        )}
      </Form>
    </Card>
  );
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
