import { Space, Typography } from 'antd';
import type { CalendarDay } from '../services/publication/views';

const WEEK = ['一', '二', '三', '四', '五', '六', '日'];

/**
 * The notice window on a small month calendar: the working days that count, holidays and weekends that do not,
 * make-up working days (调休上班) — so anyone can see why the window ends when it does.
 */
export function WindowCalendar({
  days,
  startDate,
  endDate,
  publicationDayCounts,
}: {
  days: CalendarDay[];
  startDate: string;
  endDate: string;
  publicationDayCounts: boolean;
}) {
  const months = [...new Set(days.map((d) => d.date.slice(0, 7)))];
  const byDate = new Map(days.map((d) => [d.date, d]));
  const counted = (d: CalendarDay) => d.working && d.date <= endDate && (publicationDayCounts ? d.date >= startDate : d.date > startDate);
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      <Space wrap size={[16, 4]} aria-hidden>
        <Legend color="#b8282e" text="计入公示期的工作日" />
        <Legend color="#f5f5f5" border="#d9d9d9" text="休息日" />
        <Legend color="#fff1f0" border="#ffa39e" text="法定节假日" />
        <Legend color="#e6f4ff" border="#91caff" text="调休上班" />
      </Space>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16 }}>
        {months.map((m) => {
          const [y, mo] = m.split('-').map(Number);
          const first = new Date(Date.UTC(y, mo - 1, 1));
          const lead = (first.getUTCDay() + 6) % 7;
          const count = new Date(Date.UTC(y, mo, 0)).getUTCDate();
          const cells: (string | null)[] = [...Array(lead).fill(null), ...Array.from({ length: count }, (_, i) => `${m}-${String(i + 1).padStart(2, '0')}`)];
          while (cells.length % 7) cells.push(null);
          const rows = Array.from({ length: cells.length / 7 }, (_, r) => cells.slice(r * 7, r * 7 + 7));
          return (
            <table key={m} style={{ borderCollapse: 'collapse', fontSize: 13 }}>
              <caption style={{ textAlign: 'left', fontWeight: 600, paddingBottom: 4 }}>
                {y} 年 {mo} 月
              </caption>
              <thead>
                <tr>
                  {WEEK.map((w) => (
                    <th key={w} scope="col" style={{ width: 40, fontWeight: 400, color: '#888' }}>
                      {w}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row, i) => (
                  <tr key={i}>
                    {row.map((date, j) => {
                      const d = date ? byDate.get(date) : undefined;
                      if (!date) return <td key={j} />;
                      const inWindow = !!d && counted(d);
                      const style: React.CSSProperties = {
                        width: 40,
                        height: 40,
                        textAlign: 'center',
                        border: '2px solid #fff',
                        borderRadius: 4,
                        lineHeight: 1.1,
                      };
                      let note = '';
                      if (d?.kind === 'holiday') {
                        Object.assign(style, { background: '#fff1f0', color: '#a8071a' });
                        note = '休';
                      } else if (d?.kind === 'weekend') Object.assign(style, { background: '#f5f5f5', color: '#999' });
                      else if (d?.kind === 'make-up-workday') {
                        Object.assign(style, { background: '#e6f4ff' });
                        note = '班';
                      }
                      if (inWindow) Object.assign(style, { background: '#b8282e', color: '#fff', fontWeight: 600 });
                      const label = `${Number(date.slice(5, 7))}月${Number(date.slice(8))}日，${d ? ({ workday: '工作日', weekend: '休息日', holiday: `${d.name ?? ''}法定节假日`, 'make-up-workday': `${d.name ?? ''}调休上班` } as const)[d.kind] : ''}${inWindow ? '，计入公示期' : ''}${date === startDate ? '，公示发布日' : ''}`;
                      return (
                        <td key={j} style={style} aria-label={label} title={d?.name ?? undefined}>
                          <div>{Number(date.slice(8))}</div>
                          <div style={{ fontSize: 10 }}>{date === startDate ? '发布' : note}</div>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          );
        })}
      </div>
      <Typography.Text type="secondary">{publicationDayCounts ? '公示发布当日计入公示期。' : '公示期自发布次日起计算，节假日和休息日不计入。'}</Typography.Text>
    </Space>
  );
}

function Legend({ color, border, text }: { color: string; border?: string; text: string }) {
  return (
    <Space size={4}>
      <span style={{ display: 'inline-block', width: 14, height: 14, background: color, border: `1px solid ${border ?? color}`, borderRadius: 2 }} />
      <span>{text}</span>
    </Space>
  );
}
