import { Button, Upload } from 'antd';
import type { UploadFile } from 'antd';
import type { Schemas } from '../../api/client';
import { useI18n } from '../../i18n';

/** A server as the conduct tabs name it. */
export type ServerRef = Pick<Schemas['Server'], 'id' | 'brand' | 'model' | 'serialNumber' | 'customerName'>;

/** The one file a form's picker holds. */
export const fileOf = (list: UploadFile[] | undefined) => list?.[0]?.originFileObj as File | undefined;

/** Serial, make and model; staff also see whose server it is. */
export const serverLabel = (s: ServerRef | undefined, staff: boolean) => (s ? `${s.serialNumber} · ${s.brand} ${s.model}${staff && s.customerName ? ` · ${s.customerName}` : ''}` : '—');

/** The file picker of a form: kept in the form until submit (uploaded with it, not on its own). */
export function FilePick({ testId, value, onChange }: { testId: string; value?: UploadFile[]; onChange?: (v: UploadFile[]) => void }) {
  const { t } = useI18n();
  return (
    <Upload maxCount={1} accept=".pdf,.png,.jpg,.jpeg" fileList={value} beforeUpload={() => false} onChange={(e) => onChange?.(e.fileList)}>
      <Button data-testid={testId}>{t('conduct.pickFile')}</Button>
    </Upload>
  );
}
