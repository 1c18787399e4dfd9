import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { App } from './App';
import { I18nProvider, useI18n } from './i18n';
import { SessionProvider } from './session/session';
import './styles.css';

function Root() {
  const { locale } = useI18n();
  const [largeText, setLargeText] = useState(() => localStorage.getItem('chuangwen.largeText') === '1');
  dayjs.locale(locale === 'zh' ? 'zh-cn' : 'en');
  const onLargeText = (on: boolean) => {
    localStorage.setItem('chuangwen.largeText', on ? '1' : '0');
    setLargeText(on);
  };
  return (
    <ConfigProvider
      locale={locale === 'zh' ? zhCN : enUS}
      theme={{ token: { colorPrimary: '#b71c1c', fontSize: largeText ? 18 : 14, borderRadius: 4 } }}
      // 「登录」, not 「登 录」: screen readers and tests read the words as written.
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <div className={largeText ? 'large-text' : undefined}>
          <App largeText={largeText} onLargeText={onLargeText} />
        </div>
      </AntApp>
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <SessionProvider>
        <Root />
      </SessionProvider>
    </I18nProvider>
  </StrictMode>,
);
