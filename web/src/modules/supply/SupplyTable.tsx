import type { ReactNode } from 'react';

/** A plain table with fixed headers; rows are the caller's. */
export function SupplyTable({ head, children, testId }: { head: ReactNode[]; children: ReactNode; testId: string }) {
  return (
    <div className="table-wrap">
      <table className="table" data-testid={testId}>
        <thead>
          <tr>
            {head.map((cell, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: fixed column order
              <th key={i} scope="col">
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
