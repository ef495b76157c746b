import { Button } from 'antd';
import { client } from '../api/client';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n';

/** Switches between 中文 and English; remembered in the browser and, when logged in, on the account. */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  const { me } = useSession();
  return (
    <Button
      data-testid="lang-switch"
      type="text"
      onClick={() => {
        const next = locale === 'zh-CN' ? 'en' : 'zh-CN';
        setLocale(next);
        if (me) void client.PUT('/api/v1/auth/locale', { body: { locale: next } }).catch(() => undefined);
      }}
    >
      {t('lang.switch')}
    </Button>
  );
}
