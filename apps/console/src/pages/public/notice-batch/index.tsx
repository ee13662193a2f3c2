import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Button, Descriptions, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { apiUrl } from '../../../api/http';
import { call } from '../../../services/api';
import type { PublicNoticeBatch } from '../../../services/publication/views';
import { ErrorAlert } from '../../../components/error-alert';
import { APPLICATION_KIND_NAMES, NOTICE_OUTCOME_NAMES, NOTICE_STATUS_NAMES } from '../../../lib/vocabulary';

type Row = PublicNoticeBatch['rows'][number];
const period = (p: { startDate: string; endDate: string; workingDays: number }) => `${p.startDate} 至 ${p.endDate}（${p.workingDays} 个工作日）`;

/** 公示批次: one 公示 listing several institutions; each row links to its notice, where objections are lodged. */
export default function NoticeBatchPage() {
  const { batchId = '' } = useParams();
  const batch = useQuery({
    queryKey: ['public-notice-batch', batchId],
    queryFn: () => call<PublicNoticeBatch>('publication', 'get', '/public/notice-batches/{id}', { path: { id: batchId } }),
  });
  const b = batch.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/notices">公示</Link> }, { title: b?.number ?? '公示批次' }]} />
      <ErrorAlert error={batch.error} />
      {batch.isLoading && <Skeleton active />}
      {b && (
        <>
          <Typography.Title level={2} style={{ marginBottom: 0 }}>
            {b.title}
          </Typography.Title>
          <Space wrap>
            <Tag>{b.number}</Tag>
            <Button size="small" href={apiUrl('publication', `/public/notice-batches/${b.batchId}.pdf`)} target="_blank">
              下载公示文件（PDF）
            </Button>
          </Space>
          <Descriptions column={1} size="small" bordered styles={{ label: { whiteSpace: 'nowrap' } }}>
            <Descriptions.Item label="发布单位">{b.issuingUnit.unit}</Descriptions.Item>
            <Descriptions.Item label="发布日期">{b.issueDate}</Descriptions.Item>
            <Descriptions.Item label="公示期">{b.commonPeriod ? period(b.commonPeriod) : '各机构的公示期见下表，分别计算'}</Descriptions.Item>
            {b.issuingUnit.phone && <Descriptions.Item label="联系电话">{b.issuingUnit.phone}</Descriptions.Item>}
          </Descriptions>
          <Table<Row>
            aria-label="公示机构"
            rowKey="noticeId"
            dataSource={b.rows}
            pagination={false}
            scroll={{ x: 900 }}
            columns={[
              { title: '序号', dataIndex: 'position', width: 64 },
              { title: '机构名称', render: (_, r) => <Link to={`/notices/${r.noticeId}`}>{r.institution.name}</Link> },
              { title: '统一社会信用代码', render: (_, r) => r.institution.creditCode },
              { title: '类型', render: (_, r) => `${r.institution.kindName}（${APPLICATION_KIND_NAMES[r.applicationKind] ?? r.applicationKind}）` },
              {
                title: '认定职业（工种）及等级',
                render: (_, r) => (
                  <Space orientation="vertical" size={0}>
                    {r.occupations.map((o) => (
                      <span key={`${o.code}/${o.workType ?? ''}`}>
                        {`${o.code} ${o.name}${o.workType ? `（${o.workType}）` : ''}：${o.levels.map((l) => l.name).join('、')}`}
                      </span>
                    ))}
                  </Space>
                ),
              },
              { title: '公示期', render: (_, r) => period(r.period) },
              {
                title: '状态',
                render: (_, r) => (
                  <Space orientation="vertical" size={0}>
                    <Tag color={r.acceptingObjections ? 'green' : 'default'}>{r.acceptingObjections ? '受理异议中' : NOTICE_STATUS_NAMES[r.status]}</Tag>
                    {r.outcome && <span>{NOTICE_OUTCOME_NAMES[r.outcome] ?? r.outcome}</span>}
                  </Space>
                ),
              },
            ]}
          />
          <Typography.Paragraph type="secondary">{b.howToObject}</Typography.Paragraph>
        </>
      )}
    </Space>
  );
}
