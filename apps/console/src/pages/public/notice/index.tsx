import { useParams, Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Button, Card, Col, Descriptions, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { apiUrl } from '../../../api/http';
import { PlainTable } from '../../../components/plain-table';
import { call } from '../../../services/api';
import type { CalendarDay, PublicNotice } from '../../../services/publication/views';
import { ErrorAlert } from '../../../components/error-alert';
import { WindowCalendar } from '../../../components/window-calendar';
import { APPLICATION_KIND_NAMES, INSTITUTION_KIND_NAMES, NOTICE_OUTCOME_NAMES, NOTICE_STATUS_NAMES } from '../../../lib/vocabulary';
import { ObjectionForm } from './objection-form';

function monthStart(date: string): string {
  return `${date.slice(0, 7)}-01`;
}
function monthEnd(date: string): string {
  const [y, m] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** One notice (公示内容): the institution, occupations and levels, the window on a calendar, and how to object. */
export default function NoticePage() {
  const { noticeId = '' } = useParams();
  const notice = useQuery({
    queryKey: ['public-notice', noticeId],
    queryFn: () => call<PublicNotice>('publication', 'get', '/public/notices/{id}', { path: { id: noticeId } }),
  });
  const n = notice.data;
  const days = useQuery({
    enabled: !!n,
    queryKey: ['calendar-days', n?.period.startDate, n?.period.endDate],
    queryFn: () =>
      call<{ days: CalendarDay[] }>('publication', 'get', '/calendar/days', {
        query: { from: monthStart(n!.period.startDate), to: monthEnd(n!.period.endDate) },
      }),
  });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/notices">公示</Link> }, { title: n?.institution.name ?? '公示详情' }]} />
      <ErrorAlert error={notice.error} />
      {notice.isLoading && <Skeleton active />}
      {n && (
        <>
          <Typography.Title level={2} style={{ marginBottom: 0 }}>
            {n.institution.name}
            <Typography.Text type="secondary" style={{ fontSize: 16, marginLeft: 12 }}>
              拟备案公示
            </Typography.Text>
          </Typography.Title>
          <Space wrap>
            <Tag color={n.status === 'open' ? 'green' : 'default'}>{NOTICE_STATUS_NAMES[n.status]}</Tag>
            {n.outcome && <Tag>{`公示结果：${NOTICE_OUTCOME_NAMES[n.outcome] ?? n.outcome}`}</Tag>}
            <Button size="small" href={apiUrl('publication', `/public/notices/${n.noticeId}/notice.pdf`)} target="_blank">
              下载公示文件（PDF）
            </Button>
          </Space>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={14}>
              <Card title="公示内容" size="small">
                <Descriptions column={1} size="small" bordered styles={{ label: { whiteSpace: 'nowrap' } }}>
                  <Descriptions.Item label="机构名称">{n.institution.name}</Descriptions.Item>
                  <Descriptions.Item label="统一社会信用代码">{n.institution.creditCode}</Descriptions.Item>
                  <Descriptions.Item label="机构类型">{INSTITUTION_KIND_NAMES[n.institution.kind] ?? n.institution.kind}</Descriptions.Item>
                  <Descriptions.Item label="申报类型">{APPLICATION_KIND_NAMES[n.applicationKind] ?? n.applicationKind}</Descriptions.Item>
                  <Descriptions.Item label="地址">{n.institution.address}</Descriptions.Item>
                  <Descriptions.Item label="属地">{n.jurisdiction.name}</Descriptions.Item>
                  <Descriptions.Item label="公示期">
                    {n.period.startDate} 至 {n.period.endDate}（{n.period.workingDays} 个工作日）
                  </Descriptions.Item>
                </Descriptions>
                <div style={{ marginTop: 16 }}>
                  <PlainTable
                    caption="拟认定的职业（工种）及等级"
                    rowKey={(o) => `${o.code}/${o.workType ?? ''}`}
                    rows={n.occupations}
                    columns={[
                      { title: '职业编码', render: (o) => o.code, nowrap: true },
                      { title: '职业（工种）', render: (o) => `${o.name}${o.workType ? `（${o.workType}）` : ''}` },
                      {
                        title: '等级',
                        render: (o) => (
                          <Space size={4} wrap>
                            {o.levels.map((l) => (
                              <Tag key={l.level}>{l.name}</Tag>
                            ))}
                          </Space>
                        ),
                      },
                    ]}
                  />
                </div>
              </Card>
            </Col>
            <Col xs={24} lg={10}>
              <Card title="公示期日历" size="small">
                {days.data ? (
                  <WindowCalendar
                    days={days.data.days}
                    startDate={n.period.startDate}
                    endDate={n.period.endDate}
                    publicationDayCounts={n.period.publicationDayCounts}
                  />
                ) : (
                  <ErrorAlert error={days.error} />
                )}
                {days.isLoading && <Skeleton active />}
              </Card>
              <Card title="受理单位" size="small" style={{ marginTop: 16 }}>
                <Descriptions column={1} size="small">
                  <Descriptions.Item label="单位">{n.contact.unit}</Descriptions.Item>
                  {n.contact.phone && <Descriptions.Item label="电话">{n.contact.phone}</Descriptions.Item>}
                  {n.contact.address && <Descriptions.Item label="地址">{n.contact.address}</Descriptions.Item>}
                </Descriptions>
                <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
                  对公示对象有异议的，请在公示期内以实名书面形式提出，写明姓名、身份证号码、联系方式及异议的事实和理由，并尽可能提供证据或线索。匿名异议不予受理。
                </Typography.Paragraph>
              </Card>
            </Col>
          </Row>
          <Card title="提出异议" size="small" id="objection">
            <ObjectionForm notice={n} />
          </Card>
        </>
      )}
    </Space>
  );
}
