import { App } from 'antd';
import { useCallback } from 'react';
import { useI18n, type MessageKey } from '../i18n';

/** What a confirmation names: the act (with its clause), what follows from it, and the button that does it. */
export interface ConfirmOptions {
  title: MessageKey;
  consequence: MessageKey;
  ok: MessageKey;
  params?: Record<string, string | number>;
}

/**
 * Asks before a formal notice, a termination, a suspension, a revocation or a deletion (issue 18 §5):
 * the dialog names the clause and the consequence; `act` runs only on the confirming button, and the
 * dialog stays open (its button loading) until the act settles. Cancel does nothing.
 */
export function useConfirm() {
  const { modal } = App.useApp();
  const { t } = useI18n();
  return useCallback(
    (o: ConfirmOptions, act: () => Promise<unknown>) => {
      modal.confirm({
        className: 'rp-confirm',
        title: t(o.title, o.params),
        content: t(o.consequence, o.params),
        okText: t(o.ok, o.params),
        okButtonProps: { danger: true, className: 'rp-confirm-ok' },
        cancelText: t('common.cancel'),
        cancelButtonProps: { className: 'rp-confirm-cancel' },
        // the act shows its own errors; the dialog closes either way
        onOk: () => act().catch(() => undefined),
      });
    },
    [modal, t],
  );
}
