import type { ReactNode } from 'react';
import { useMutation } from '@tanstack/react-query';
import { App, Button } from 'antd';
import type { ServiceName } from '../api/http';
import { describeError } from '../api/problem';
import { downloadWithToken } from '../lib/download';

/** A button that downloads an export (an Excel workbook) served with the bearer token; a refusal shows as a message. */
export function ExportButton({ service, path, fileName, children }: { service: ServiceName; path: string; fileName: string; children: ReactNode }) {
  const { message } = App.useApp();
  const download = useMutation({
    mutationFn: () => downloadWithToken(service, path, fileName),
    onError: (err) => {
      const v = describeError(err);
      void message.error(`${v.title}：${v.description}`);
    },
  });
  return (
    <Button size="small" loading={download.isPending} onClick={() => download.mutate()}>
      {children}
    </Button>
  );
}
