import { Card, Group, SimpleGrid, Skeleton, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconArrowDownRight, IconArrowUpRight, IconInfoCircle, IconMinus } from '@tabler/icons-react';
import { formatAmount, formatCount, formatPercent } from '@/lib/format';
import { useI18n, type Translate } from '@/lib/i18n';
import { kpis, type KpiChange, type KpiDefinition, type KpiFigure, type KpiId } from '../kpi';
import classes from './overview.module.css';

/** Small rates (chargebacks: 0.31 %) need a second decimal to say anything. */
function rateDigits(definition: KpiDefinition): number {
  return definition.id === 'conversion' ? 1 : 2;
}

export function kpiValueText(definition: KpiDefinition, value: number | null, currency: string, locale: string, t: Translate): string {
  if (value === null) return t('analytics.noValue');
  switch (definition.kind) {
    case 'money':
      return formatAmount(Math.round(value), currency, locale);
    case 'count':
      return formatCount(value, locale);
    case 'rate':
      return formatPercent(value, locale, rateDigits(definition));
  }
}

const pointFormatters = new Map<string, Intl.NumberFormat>();

/** A change as people read it: "12.3%" of the previous value, or "1.2 pp" between two rates (no sign: the arrow says it). */
export function changeText(change: KpiChange, locale: string, t: Translate): string {
  if (change.unit === 'relative') return formatPercent(Math.abs(change.value), locale, 1);
  let formatter = pointFormatters.get(locale);
  if (formatter === undefined) {
    formatter = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 2 });
    pointFormatters.set(locale, formatter);
  }
  return t('analytics.kpi.points', { value: formatter.format(Math.abs(change.value) * 100) });
}

export function ChangeBadge({ change }: { change: KpiChange }) {
  const { t, formatLocale } = useI18n();
  const value = changeText(change, formatLocale, t);
  const Arrow = change.direction === 'up' ? IconArrowUpRight : change.direction === 'down' ? IconArrowDownRight : IconMinus;
  const spoken =
    change.direction === 'up' ? t('analytics.kpi.up', { value }) : change.direction === 'down' ? t('analytics.kpi.down', { value }) : t('analytics.kpi.flat');
  return (
    <span className={classes.change} data-tone={change.tone} data-direction={change.direction} data-testid="kpi-change">
      <Arrow size={14} stroke={2} aria-hidden="true" />
      <span aria-hidden="true">{change.direction === 'flat' ? formatPercent(0, formatLocale, 1) : value}</span>
      <VisuallyHidden>{spoken}</VisuallyHidden>
    </span>
  );
}

function KpiCard({ definition, figure, currency, loading, stale, comparedToDate }: { definition: KpiDefinition; figure: KpiFigure | null; currency: string; loading: boolean; stale: boolean; comparedToDate: boolean }) {
  const { t, formatLocale } = useI18n();
  const labelId = `kpi-${definition.id}`;
  return (
    <Card padding="md" role="group" aria-labelledby={labelId} data-testid={`kpi-${definition.id}`} className={stale ? classes.stale : undefined}>
      <Group gap={6} wrap="nowrap" justify="space-between">
        <Text component="h3" id={labelId} className={classes.kpiLabel}>
          {t(definition.labelKey)}
        </Text>
        <Tooltip label={t(definition.hintKey)} multiline w={240} withArrow events={{ hover: true, focus: true, touch: true }}>
          <span tabIndex={0} role="note" aria-label={t(definition.hintKey)} style={{ display: 'inline-flex', color: 'var(--mantine-color-dimmed)' }}>
            <IconInfoCircle size={15} stroke={1.6} aria-hidden="true" />
          </span>
        </Tooltip>
      </Group>
      {loading || figure === null ? (
        <div aria-hidden="true">
          <Skeleton height={28} width="70%" mt={8} />
          <Skeleton height={16} width="45%" mt={10} />
        </div>
      ) : (
        <>
          <Text className={classes.kpiValue} mt={6} data-testid="kpi-value">
            {kpiValueText(definition, figure.current, currency, formatLocale, t)}
          </Text>
          <Group gap={6} mt={8} wrap="nowrap">
            {figure.change !== null ? (
              <>
                <ChangeBadge change={figure.change} />
                <Text size="xs" c="dimmed" truncate title={t('analytics.kpi.previousValue', { value: kpiValueText(definition, figure.previous, currency, formatLocale, t) })}>
                  {comparedToDate ? t('analytics.kpi.vsPreviousToDate') : t('analytics.kpi.vsPrevious')}
                </Text>
              </>
            ) : (
              <Text size="xs" c="dimmed">
                {t('analytics.kpi.noComparison')}
              </Text>
            )}
          </Group>
        </>
      )}
    </Card>
  );
}

export interface KpiCardsProps {
  figures: Record<KpiId, KpiFigure | null>;
  currency: string;
  loading: { turnover: boolean; rates: boolean };
  stale: { turnover: boolean; rates: boolean };
  /** The previous period runs only up to the same point as this one (a range up to now). */
  comparedToDate: boolean;
}

/** Turnover, payments, average ticket, conversion, refund and chargeback rates, each against the previous period. */
export function KpiCards({ figures, currency, loading, stale, comparedToDate }: KpiCardsProps) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="kpi-heading">
      <VisuallyHidden component="h2" id="kpi-heading">
        {t('analytics.kpi.label')}
      </VisuallyHidden>
      <SimpleGrid cols={{ base: 1, xs: 2, lg: 3 }} spacing="md">
        {kpis.map((definition) => (
          <KpiCard
            key={definition.id}
            definition={definition}
            figure={figures[definition.id]}
            currency={currency}
            loading={loading[definition.source]}
            stale={stale[definition.source]}
            comparedToDate={comparedToDate}
          />
        ))}
      </SimpleGrid>
    </section>
  );
}
