import { Anchor, Card, Skeleton, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useComputedColorScheme } from '@mantine/core';
import { useReducedMotion } from '@mantine/hooks';
import { IconArrowRight } from '@tabler/icons-react';
import { useMemo } from 'react';
import { Link, type To } from 'react-router';
import { useI18n } from '@/lib/i18n';
import { breakdownChartHeight, breakdownChartOption, type BreakdownBar } from '../chart-options';
import { chartPalette } from '../chart-theme';
import { EChart } from './echart';
import { FiguresError } from './figures-error';
import classes from './overview.module.css';

export interface BreakdownCardProps {
  /** For ids and `data-chart`: "method", "decline_code". */
  id: string;
  title: string;
  subtitle: string;
  bars: readonly BreakdownBar[] | undefined;
  error: unknown;
  loading: boolean;
  stale: boolean;
  onRetry: () => void;
  tone?: 'primary' | 'danger';
  emptyText: string;
  /** Said in the tooltip of a bar that opens nothing. */
  unclickableHint?: string;
  /** The card's link to the whole list ("View payments"). */
  viewAll?: { to: To; label: string };
  onBarClick?: (index: number) => void;
  /** Room for the names on the left, in pixels. */
  labelWidthPx?: number;
}

/** A ranked breakdown: the top values as horizontal bars, each opening its payments. */
export function BreakdownCard({ id, title, subtitle, bars, error, loading, stale, onRetry, tone = 'primary', emptyText, unclickableHint, viewAll, onBarClick, labelWidthPx = 120 }: BreakdownCardProps) {
  const { t } = useI18n();
  const scheme = useComputedColorScheme('light');
  const reducedMotion = useReducedMotion() ?? false;
  const option = useMemo(
    () => (bars === undefined || bars.length === 0 ? null : breakdownChartOption(bars, chartPalette(scheme), tone, !reducedMotion, unclickableHint ?? null, labelWidthPx)),
    [bars, scheme, tone, reducedMotion, unclickableHint, labelWidthPx],
  );
  const titleId = `breakdown-${id}-title`;

  const body = () => {
    if (error !== null && bars === undefined) return <FiguresError error={error} onRetry={onRetry} />;
    if (loading || bars === undefined) {
      return (
        <Stack gap={12} aria-busy="true">
          <VisuallyHidden>{t('analytics.loading')}</VisuallyHidden>
          {[80, 64, 48, 36].map((width) => (
            <Skeleton key={width} height={14} width={`${width}%`} aria-hidden="true" />
          ))}
        </Stack>
      );
    }
    if (option === null) {
      return (
        <div className={classes.emptyChart} style={{ minHeight: 120 }} data-testid={`breakdown-${id}-empty`}>
          {emptyText}
        </div>
      );
    }
    return (
      <div className={stale ? classes.stale : undefined}>
        <EChart
          option={option}
          height={breakdownChartHeight(bars.length)}
          label={t('analytics.breakdown.chartLabel', { title })}
          chartId={id}
          onElementClick={onBarClick === undefined ? undefined : ({ dataIndex }) => onBarClick(dataIndex)}
        />
        <VisuallyHidden component="table" aria-label={t('analytics.breakdown.tableLabel', { title })}>
          <thead>
            <tr>
              <th scope="col">{t('analytics.column.name')}</th>
              <th scope="col">{t('analytics.column.value')}</th>
              <th scope="col">{t('analytics.column.share')}</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((bar) => (
              <tr key={bar.label}>
                <th scope="row">{bar.label}</th>
                <td>{bar.valueText}</td>
                <td>{bar.detail}</td>
              </tr>
            ))}
          </tbody>
        </VisuallyHidden>
      </div>
    );
  };

  return (
    <Card className={classes.card} component="section" aria-labelledby={titleId} data-testid={`breakdown-${id}`}>
      <div className={classes.cardHeader}>
        <div>
          <Title order={2} id={titleId} className={classes.cardTitle}>
            {title}
          </Title>
          <Text size="xs" c="dimmed" mt={2}>
            {subtitle}
          </Text>
        </div>
        {viewAll !== undefined && (
          <Anchor
            component={Link}
            to={viewAll.to}
            size="xs"
            fw={600}
            // The light variant's text colour: above 4.5:1 on the card in both schemes (the anchor's own is not in dark).
            c="var(--mantine-color-kassa-light-color)"
            style={{ display: 'inline-flex', alignItems: 'center', gap: 4, whiteSpace: 'nowrap' }}
          >
            {viewAll.label}
            <IconArrowRight size={12} aria-hidden="true" />
          </Anchor>
        )}
      </div>
      {body()}
    </Card>
  );
}
