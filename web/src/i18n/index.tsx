// Chinese first, English available: the person's choice is kept in this browser. Screens take words from `t`;
// the API's own messages (refusals, labels of stages and states) are Chinese and shown as they come.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

export type Locale = 'zh' | 'en';

const WORDS = {
  appTitle: { zh: '创文任务看板', en: 'Civilised-city campaign board' },
  signIn: { zh: '登录', en: 'Sign in' },
  signOut: { zh: '退出登录', en: 'Sign out' },
  changePassword: { zh: '修改密码', en: 'Password' },
  login: { zh: '登录名', en: 'Login' },
  password: { zh: '密码', en: 'Password' },
  loginRequired: { zh: '请输入登录名', en: 'Enter your login' },
  passwordRequired: { zh: '请输入密码', en: 'Enter your password' },
  navBoard: { zh: '任务看板', en: 'Board' },
  navApprovals: { zh: '待我审批', en: 'Approvals' },
  navDashboard: { zh: '领导驾驶舱', en: 'Dashboard' },
  navReport: { zh: '上报问题', en: 'Report a problem' },
  navRounds: { zh: '检查轮次', en: 'Inspection rounds' },
  navPaperwork: { zh: '文书档案', en: 'Paperwork' },
  navGroups: { zh: '工作组', en: 'Working groups' },
  navOffice: { zh: '工作台', en: 'Desk' },
  largeText: { zh: '大字模式', en: 'Large text' },
  language: { zh: 'English', en: '中文' },
  daysLeft: { zh: '距迎检', en: 'Days to inspection' },
  days: { zh: '天', en: 'days' },
  phase: { zh: '当前阶段', en: 'Phase' },
  loading: { zh: '加载中…', en: 'Loading…' },
  retry: { zh: '重试', en: 'Retry' },
  notFound: { zh: '没有这个页面', en: 'No such page' },
} as const;

export type WordKey = keyof typeof WORDS;

interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  t(key: WordKey): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => (localStorage.getItem('chuangwen.locale') === 'en' ? 'en' : 'zh'));
  const value = useMemo<I18n>(
    () => ({
      locale,
      setLocale(next) {
        localStorage.setItem('chuangwen.locale', next);
        document.documentElement.lang = next === 'en' ? 'en' : 'zh-CN';
        setLocaleState(next);
      },
      t: (key) => WORDS[key][locale],
    }),
    [locale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

/**
 * A screen's own words (zh and en side by side, kept next to the screen), read in the chosen language. The same
 * function until the language changes, so that memoised components are not drawn again for nothing.
 */
export function useWords<K extends string>(words: Record<K, { zh: string; en: string }>): (key: K) => string {
  const { locale } = useI18n();
  return useCallback((key: K) => words[key][locale], [words, locale]);
}
