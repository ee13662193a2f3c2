import { useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { call } from '../../../services/api';
import { ErrorAlert } from '../../../components/error-alert';
import { readArrangement } from './arrangement';
import { YearCalendar } from './year-calendar';

interface CalendarInfo {
  coveredYears: number[];
  coverage: { coveredUntil: string | null; daysLeft: number; nextMissingYear: number; warning?: string };
  overrides: { date: string; kind: 'holiday' | 'workday'; note: string | null }[];
}

/**
 * 工作日历: which years the working-day calendar covers, and the form to load a year's arrangement as the State
 * Council's notice gives it — read, checked and shown on the calendar before anything is saved.
 */
export default function CalendarPage() {
  const queryClient = useQueryClient();
  const calendar = useQuery({ queryKey: ['calendar'], queryFn: () => call<CalendarInfo>('publication', 'get', '/calendar') });
  const [year, setYear] = useState<number | null>(null);
  const [text, setText] = useState('');
  const [source, setSource] = useState('');
  const [previewed, setPreviewed] = useState<string | null>(null);
  const covered = calendar.data?.coveredYears ?? [];
  const targetYear = year ?? calendar.data?.coverage.nextMissingYear ?? (covered.length ? Math.max(...covered) + 1 : new Date().getFullYear() + 1);
  const arrangement = useMemo(() => (previewed === null ? null : readArrangement(previewed, targetYear)), [previewed, targetYear]);
  const loadedForYear = (calendar.data?.overrides ?? []).filter((o) => o.date.startsWith(`${targetYear}-`));
  const save = useMutation({
    mutationFn: () =>
      call<{ year: number; days: number; coveredYears: number[] }>('publication', 'post', '/calendar/overrides', {
        body: { year: targetYear, days: arrangement!.days, ...(source.trim() ? { source: source.trim() } : {}) },
      }),
    // The saved year stays the page's year: once it is covered, the calendar's next missing year moves on, and the
    // preview and the confirmation would otherwise relabel themselves to the year after.
    onSuccess: (r) => {
      setYear(r.year);
      void queryClient.invalidateQueries({ queryKey: ['calendar'] });
    },
  });
  const stale = previewed !== text;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        工作日历
      </Typography.Title>
      <ErrorAlert error={calendar.error} />
      <Card size="small" title="已覆盖年份">
        <Space wrap aria-label="已覆盖年份">
          {covered.map((y) => (
            <Tag key={y} color="green">
              {y} 年
            </Tag>
          ))}
        </Space>
        {calendar.data?.coverage.warning && (
          <Alert
            style={{ marginTop: 12 }}
            type="warning"
            showIcon
            title={`日历数据将于 ${calendar.data.coverage.coveredUntil ?? '今日'} 结束，请尽快加载 ${calendar.data.coverage.nextMissingYear} 年节假日安排`}
          />
        )}
        <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
          公示期和各阶段办理时限均按工作日计算。每年国务院办公厅公布下一年度节假日安排后，请在此加载；未加载的年份，相关期限暂不计算，到期的公示自动等待。
        </Typography.Paragraph>
      </Card>
      <Card size="small" title="加载年度节假日安排">
        <Form layout="vertical" aria-label="加载年度节假日安排" onFinish={() => setPreviewed(text)}>
          <Space wrap size="large" align="start">
            <Form.Item label="年份">
              <InputNumber
                aria-label="年份"
                min={2000}
                max={2100}
                value={targetYear}
                onChange={(v) => {
                  setYear(v ?? null);
                  save.reset();
                }}
              />
            </Form.Item>
            <Form.Item label="通知文号（选填）">
              <Input
                aria-label="通知文号"
                style={{ width: 280 }}
                placeholder="例如：国办发明电〔2026〕N号"
                value={source}
                onChange={(e) => setSource(e.target.value)}
                maxLength={200}
              />
            </Form.Item>
          </Space>
          <Form.Item
            label="节假日安排"
            extra="从国务院办公厅通知中粘贴各节日的安排（如“二、春节：2月6日（周六）至13日（周六）放假调休，共8天。2月14日（周日）上班。”），或每行一个日期：“2027-02-14 上班”。"
          >
            <Input.TextArea
              aria-label="节假日安排"
              rows={8}
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                save.reset();
              }}
            />
          </Form.Item>
          <Button htmlType="submit" disabled={!text.trim()}>
            识别并预览
          </Button>
        </Form>
      </Card>
      {arrangement && (
        <Card size="small" title={`${targetYear} 年预览`}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            {arrangement.problems.length > 0 && (
              <Alert
                type="error"
                showIcon
                title="以下内容有误，修改后再预览，改正前不能保存"
                description={
                  <ul aria-label="识别问题" style={{ margin: 0, paddingLeft: 20 }}>
                    {arrangement.problems.map((p) => (
                      <li key={p}>{p}</li>
                    ))}
                  </ul>
                }
              />
            )}
            <Typography.Text>
              识别出放假 {arrangement.days.filter((d) => d.kind === 'holiday').length} 天、调休上班{' '}
              {arrangement.days.filter((d) => d.kind === 'workday').length} 天。
              <Tag color="red" style={{ marginLeft: 8 }}>
                放假
              </Tag>
              <Tag color="blue">调休上班</Tag>
              <Tag>休息日</Tag>
            </Typography.Text>
            <YearCalendar year={targetYear} days={arrangement.days} />
            <Table
              size="small"
              aria-label="识别出的日期"
              rowKey="date"
              pagination={false}
              dataSource={arrangement.days}
              scroll={{ y: 240 }}
              columns={[
                { title: '日期', dataIndex: 'date' },
                { title: '安排', render: (_, d) => (d.kind === 'holiday' ? '放假' : '调休上班') },
                { title: '节日', render: (_, d) => d.note ?? '' },
              ]}
            />
            {/* Before saving only: once saved, the loaded days are the ones just saved. */}
            {loadedForYear.length > 0 && !save.isSuccess && (
              <Alert type="warning" showIcon title={`${targetYear} 年已加载 ${loadedForYear.length} 天的安排，保存后将整体替换。`} />
            )}
            <ErrorAlert error={save.error} />
            {save.isSuccess ? (
              <Alert
                type="success"
                showIcon
                title={`已保存 ${save.data.year} 年节假日安排（${save.data.days} 天）`}
                description={`工作日历现覆盖：${save.data.coveredYears.join('、')} 年。公示期和办理时限将按新安排计算。`}
              />
            ) : (
              <Space>
                <Button
                  type="primary"
                  disabled={arrangement.problems.length > 0 || arrangement.days.length === 0 || stale}
                  loading={save.isPending}
                  onClick={() => save.mutate()}
                >
                  确认保存 {targetYear} 年安排
                </Button>
                {stale && <Typography.Text type="secondary">内容已修改，请重新预览</Typography.Text>}
              </Space>
            )}
          </Space>
        </Card>
      )}
    </Space>
  );
}
