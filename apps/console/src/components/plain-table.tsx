import type { ReactNode } from 'react';

export interface PlainColumn<T> {
  title: string;
  render: (row: T) => ReactNode;
  /** Codes and dates: kept on one line. */
  nowrap?: boolean;
}

/** A plain, accessible HTML table for the public pages (antd's Table would weigh on their first load). */
export function PlainTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  empty = '暂无数据',
}: {
  caption?: ReactNode;
  columns: PlainColumn<T>[];
  rows: T[];
  rowKey: (r: T) => string;
  empty?: string;
}) {
  return (
    <div className="scroll-x">
      <table className="plain-table">
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.title} scope="col">
                {c.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={columns.length} style={{ textAlign: 'center', color: '#999' }}>
                {empty}
              </td>
            </tr>
          )}
          {rows.map((r) => (
            <tr key={rowKey(r)}>
              {columns.map((c) => (
                <td key={c.title} style={c.nowrap ? { whiteSpace: 'nowrap' } : undefined}>
                  {c.render(r)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
