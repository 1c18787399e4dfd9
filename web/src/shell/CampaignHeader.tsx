import { useEffect, useState } from 'react';
import { Space, Tag, Typography } from 'antd';
import { gql } from '../api/client';
import { CAMPAIGN_HEADER } from '../api/documents';
import type { CampaignHeader as Header } from '../api/types';
import { useI18n } from '../i18n';
import type { CampaignHeaderQuery } from '../api/graphql.generated';

/** The campaign's name, its phase and the days left to the inspection, on every screen. */
export function CampaignHeader() {
  const { t } = useI18n();
  const [campaign, setCampaign] = useState<Header | null>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      gql<CampaignHeaderQuery>(CAMPAIGN_HEADER)
        .then((data) => live && setCampaign(data.campaign))
        .catch(() => undefined);
    void load();
    // The countdown moves at midnight; an hourly look keeps it right without a reload.
    const timer = setInterval(load, 3_600_000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);
  if (!campaign) return <Typography.Text strong className="brand">{t('appTitle')}</Typography.Text>;
  return (
    <Space size="middle" wrap className="campaign-header">
      <Typography.Text strong className="brand" data-testid="campaign-name">
        {campaign.name}
      </Typography.Text>
      <Tag color="red" data-testid="campaign-phase">
        {t('phase')}：{campaign.phaseLabel}
      </Tag>
      <Typography.Text data-testid="countdown">
        {t('daysLeft')} <strong>{campaign.daysToInspection}</strong> {t('days')}
      </Typography.Text>
    </Space>
  );
}
