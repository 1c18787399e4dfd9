// Chinese labels of the publicity ledger.
import type { PublicityEventType } from './publicity.events';
import type { PublicityChannel } from './publicity.types';

export const PUBLICITY_CHANNEL_LABELS: Record<PublicityChannel, string> = {
  PUBLIC_SERVICE_AD: '公益广告',
  BULLETIN_BOARD: '宣传栏',
  BANNER: '横幅',
  ELECTRONIC_SCREEN: '电子屏',
  BROCHURE: '宣传册',
  SMS: '短信',
  NEW_MEDIA: '新媒体',
};

export const PUBLICITY_EVENT_LABELS: Record<PublicityEventType, string> = {
  PublicityLedgerOpened: '建立宣传台账',
  PublicityEntryRecorded: '登记宣传载体',
  PublicityEntryCorrected: '更正宣传载体',
  PublicityEntryVoided: '作废宣传载体',
};
