import { List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Service } from '../../../core';

/** The policy facts staff are asked about most, in words (domain-rules §3). */
export function ServicePolicyFacts({ service }: { service: Service }) {
  const { t } = useTranslation('catalog');
  const policy = service.policy;
  const facts = [
    t(`facts.billing.${policy.billingMonths}`),
    policy.autoRenew ? t('facts.autoRenewYes') : t('facts.autoRenewNo'),
    policy.refundWindowDays === null ? t('facts.refundWindowNone') : t('facts.refundWindow', { count: policy.refundWindowDays }),
    policy.graceDays === null
      ? policy.archiveYears === null
        ? t('facts.graceNone')
        : t('facts.archive', { count: policy.archiveYears })
      : t('facts.grace', { count: policy.graceDays }),
    t(`facts.downgrade.${policy.downgrade}`),
    policy.availabilityTargetBp === null
      ? t('facts.availabilityNone')
      : t('facts.availability', { percent: (policy.availabilityTargetBp / 100).toFixed(2).replace('.', ',') }),
    policy.compensation === null ? t('facts.compensationNone') : t('facts.compensation', { percent: policy.compensation.percentPerHour }),
  ];
  return (
    <List size="sm" spacing={2}>
      {facts.map((fact) => (
        <List.Item key={fact}>{fact}</List.Item>
      ))}
    </List>
  );
}
