import type { ArrangedDay } from './arrangement';
import { isWeekend } from './arrangement';

const WEEK = ['一', '二', '三', '四', '五', '六', '日'];

/** A year's twelve months as the arrangement makes them: holidays (休), make-up working days (班), weekends. */
export function YearCalendar({ year, days }: { year: number; days: ArrangedDay[] }) {
  const byDate = new Map(days.map((d) => [d.date, d]));
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16 }} aria-label={`${year} 年日历预览`} role="group">
      {Array.from({ length: 12 }, (_, i) => i + 1).map((mo) => {
        const lead = (new Date(Date.UTC(year, mo - 1, 1)).getUTCDay() + 6) % 7;
        const count = new Date(Date.UTC(year, mo, 0)).getUTCDate();
        const cells: (string | null)[] = [
          ...Array(lead).fill(null),
          ...Array.from({ length: count }, (_, d) => `${year}-${String(mo).padStart(2, '0')}-${String(d + 1).padStart(2, '0')}`),
        ];
        while (cells.length % 7) cells.push(null);
        const rows = Array.from({ length: cells.length / 7 }, (_, r) => cells.slice(r * 7, r * 7 + 7));
        return (
          <table key={mo} style={{ borderCollapse: 'collapse', fontSize: 12 }}>
            <caption style={{ textAlign: 'left', fontWeight: 600, paddingBottom: 4 }}>{mo} 月</caption>
            <thead>
              <tr>
                {WEEK.map((w) => (
                  <th key={w} scope="col" style={{ width: 28, fontWeight: 400, color: '#888' }}>
                    {w}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, r) => (
                <tr key={r}>
                  {row.map((date, j) => {
                    if (!date) return <td key={j} />;
                    const d = byDate.get(date);
                    const weekend = isWeekend(date);
                    const style: React.CSSProperties = { width: 28, height: 28, textAlign: 'center', border: '1px solid #fff', borderRadius: 3 };
                    let label = weekend ? '休息日' : '工作日';
                    if (d?.kind === 'holiday') {
                      Object.assign(style, { background: '#ffccc7', color: '#a8071a', fontWeight: 600 });
                      label = `${d.note ?? ''}放假`;
                    } else if (d?.kind === 'workday') {
                      Object.assign(style, { background: '#bae0ff', color: '#003eb3', fontWeight: 600 });
                      label = `${d.note ?? ''}调休上班`;
                    } else if (weekend) Object.assign(style, { background: '#f5f5f5', color: '#999' });
                    return (
                      <td key={j} style={style} aria-label={`${mo}月${Number(date.slice(8))}日，${label}`} title={label}>
                        {Number(date.slice(8))}
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
  );
}
