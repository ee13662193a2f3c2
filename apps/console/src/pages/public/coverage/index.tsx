import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Breadcrumb, Skeleton, Space, Typography } from 'antd';
import { call } from '../../../services/api';
import type { Coverage } from '../../../services/publication/views';
import { ErrorAlert } from '../../../components/error-alert';
import { JURISDICTIONS, levelsText } from '../../../lib/vocabulary';

/** 就近就地: which occupations each city can certify locally — a heat table of city × occupation, gaps in red. */
export default function CoveragePage() {
  const result = useQuery({ queryKey: ['coverage'], queryFn: () => call<Coverage>('publication', 'get', '/public/register/coverage') });
  const occupations = result.data?.occupations ?? [];
  const max = Math.max(1, ...occupations.flatMap((o) => o.jurisdictions.map((j) => j.institutions)));
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/register">备案机构查询</Link> }, { title: '就近就地覆盖' }]} />
      <Typography.Title level={2} style={{ marginBottom: 0 }}>
        职业覆盖情况（就近就地）
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        每格为该地已备案、可认定该职业的机构数；红色表示该地尚无机构可认定该职业，劳动者需跨地区参加认定。
      </Typography.Paragraph>
      <ErrorAlert error={result.error} />
      {result.data && occupations.length === 0 && <Alert type="info" showIcon title="尚无备案机构" />}
      {result.isLoading && <Skeleton active />}
      {occupations.length > 0 && (
        <div className="scroll-x">
          <table className="plain-table" style={{ width: 'auto' }}>
            <caption>城市 × 职业：已备案机构数</caption>
            <thead>
              <tr>
                <th scope="col">职业（工种）</th>
                {JURISDICTIONS.map((j) => (
                  <th key={j.code} scope="col" style={{ textAlign: 'center', whiteSpace: 'nowrap' }}>
                    {j.code === '220000' ? '省直' : j.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {occupations.map((o) => (
                <tr key={o.code}>
                  <th scope="row" style={{ whiteSpace: 'nowrap' }}>
                    <Link to={`/register?occupation=${encodeURIComponent(o.code)}`}>{o.name}</Link>
                    <div style={{ color: '#999', fontSize: 12, fontWeight: 400 }}>{o.code}</div>
                  </th>
                  {JURISDICTIONS.map((j) => {
                    const c = o.jurisdictions.find((x) => x.code === j.code);
                    const gap = !c && j.level === 'city';
                    const label = c ? `${j.name}${o.name}：${c.institutions} 家（${levelsText(c.levels)}）` : `${j.name}${o.name}：暂无机构`;
                    return (
                      <td key={j.code} title={label} aria-label={label} style={{ textAlign: 'center', verticalAlign: 'middle', minWidth: 48, background: c ? `rgba(56, 158, 13, ${0.2 + 0.6 * (c.institutions / max)})` : gap ? '#fff1f0' : undefined, color: gap ? '#cf1322' : undefined }}>
                        {c ? c.institutions : gap ? '无' : '—'}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Space>
  );
}
