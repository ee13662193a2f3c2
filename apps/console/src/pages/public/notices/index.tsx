import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { call } from '../../../services/api';
import type { NoticeList, PublicNotice } from '../../../services/publication/views';
import { ErrorAlert } from '../../../components/error-alert';
import { APPLICATION_KIND_NAMES, INSTITUTION_KIND_NAMES, NOTICE_OUTCOME_NAMES, levelsText } from '../../../lib/vocabulary';

/** 公示: the notices running now, and the past ones with their result. */
export default function NoticesPage() {
  const [period, setPeriod] = useState<'current' | 'past'>('current');
  const notices = useQuery({
    queryKey: ['public-notices', period],
    queryFn: () => call<NoticeList>('publication', 'get', '/public/notices', { query: { period, limit: 100 } }),
  });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ marginBottom: 0 }}>
        职业技能等级认定机构备案公示
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        经审定拟予备案的机构在此公示，公示期不少于 5 个工作日。对公示对象有异议的，可在公示期内以实名方式提出。
      </Typography.Paragraph>
      <Tabs
        activeKey={period}
        onChange={(k) => setPeriod(k as 'current' | 'past')}
        items={[
          { key: 'current', label: '正在公示' },
          { key: 'past', label: '往期公示' },
        ]}
      />
      <ErrorAlert error={notices.error} />
      {notices.isLoading && <Skeleton active />}
      {notices.data && notices.data.items.length === 0 && <Empty description={period === 'current' ? '目前没有正在公示的机构' : '暂无往期公示'} />}
      <ul aria-label={period === 'current' ? '正在公示' : '往期公示'} style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 12 }}>
        {(notices.data?.items ?? []).map((n: PublicNotice) => (
          <li key={n.noticeId}>
            <Card size="small">
              <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                <Space wrap>
                  <Link to={`/notices/${n.noticeId}`} style={{ fontSize: 16, fontWeight: 600 }}>
                    {n.institution.name}
                  </Link>
                  <Tag>{INSTITUTION_KIND_NAMES[n.institution.kind] ?? n.institution.kind}</Tag>
                  <Tag color="blue">{APPLICATION_KIND_NAMES[n.applicationKind] ?? n.applicationKind}</Tag>
                  {n.acceptingObjections && <Tag color="green">受理异议中</Tag>}
                  {n.outcome && <Tag color={n.outcome === 'objection-upheld' ? 'red' : 'default'}>{NOTICE_OUTCOME_NAMES[n.outcome] ?? n.outcome}</Tag>}
                </Space>
                <Typography.Text>
                  公示期：{n.period.startDate} 至 {n.period.endDate}（{n.period.workingDays} 个工作日） · 受理单位：{n.contact.unit}
                </Typography.Text>
                <Typography.Text type="secondary">
                  认定职业：
                  {n.occupations.map((o) => `${o.name}${o.workType ? `（${o.workType}）` : ''}（${levelsText(o.levels.map((l) => l.level))}）`).join('；')}
                </Typography.Text>
              </Space>
            </Card>
          </li>
        ))}
      </ul>
    </Space>
  );
}
