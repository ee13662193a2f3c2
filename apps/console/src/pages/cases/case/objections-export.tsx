import { useMutation } from '@tanstack/react-query';
import { App, Button } from 'antd';
import { describeError } from '../../../api/problem';
import { downloadWithToken } from '../../../lib/download';

/** 导出异议登记: the notice's objections as an Excel workbook for the centre's file (ID numbers and phones masked). */
export function ObjectionsExportButton({ noticeId, institution }: { noticeId: string; institution: string }) {
  const { message } = App.useApp();
  const download = useMutation({
    mutationFn: () => downloadWithToken('publication', `/notices/${noticeId}/objections.xlsx`, `${institution}异议登记.xlsx`),
    onError: (err) => {
      const v = describeError(err);
      void message.error(`${v.title}：${v.description}`);
    },
  });
  return (
    <Button size="small" loading={download.isPending} onClick={() => download.mutate()}>
      导出异议（Excel）
    </Button>
  );
}
