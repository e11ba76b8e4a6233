import { Alert, Anchor, Badge, Button, Card, Divider, Grid, Group, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowBackUp, IconArrowLeft, IconCircleCheck, IconCreditCard, IconLockOpen, IconShieldQuestion } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { CopyValue } from '@/components/copy-value';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useProjectScope } from '@/hooks/use-project-scope';
import { isApiProblem, newIdempotencyKey } from '@/lib/api';
import { formatAmount, formatDateTime } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import { useCancelPayment } from '../api/cancel-payment';
import { useCompleteThreeDs } from '../api/complete-three-ds';
import { usePayment } from '../api/get-payment';
import { backOf } from '../back-state';
import { cardBrandName, cardExpiry, countryName, methodLabel, paymentMethodText } from '../labels';
import type { Payment, ProjectOption } from '../types';
import { CaptureDialog } from './capture-dialog';
import { LedgerEntriesCard } from './ledger-entries-card';
import { OperationsTimeline } from './operations-timeline';
import classes from './payment-detail.module.css';
import { PaymentProblemAlert } from './payment-problem-alert';
import { RefundDialog } from './refund-dialog';
import { PaymentStatusBadge } from './status-badge';

export interface PaymentPermissions {
  /** Capture, cancel, the sandbox's 3-D Secure (payments.write on the payment's project). */
  write: boolean;
  /** refunds.create on the payment's project. */
  refund: boolean;
  /** balances.read on the payment's project: the ledger entries. */
  ledger: boolean;
}

export interface PaymentDetailProps {
  paymentId: string;
  projects: readonly ProjectOption[];
  /** What the person may do with a payment of this project. */
  permissionsFor: (projectId: string) => PaymentPermissions;
  /** The webhook deliveries about the payment (from the webhooks screens). */
  renderDeliveries?: (payment: Payment) => ReactNode;
}

type Dialog = 'refund' | 'capture' | 'cancel' | null;

/** One payment: header and actions, timeline, amounts, method, customer, ledger, deliveries. */
export function PaymentDetail({ paymentId, projects, permissionsFor, renderDeliveries }: PaymentDetailProps) {
  const { t } = useI18n();
  const payment = usePayment(paymentId);
  const location = useLocation();
  const { withProject } = useProjectScope();
  const back = backOf(location.state);
  const backTo = back ?? withProject('/payments');
  const backLabel = back?.pathname === '/operations' ? t('area.operations.title') : t('area.payments.title');

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={backTo} size="sm" className={classes.back} aria-label={t('payment.back', { list: backLabel })}>
        <IconArrowLeft size={14} aria-hidden="true" />
        {backLabel}
      </Anchor>
      {payment.isPending && <DetailSkeleton />}
      {payment.isError &&
        (isApiProblem(payment.error) && payment.error.status === 404 ? (
          <NotFound id={paymentId} />
        ) : (
          <>
            <DocumentTitle title={t('payment.kicker')} />
            <Title order={1}>{t('payment.kicker')}</Title>
            <ErrorState error={payment.error} onRetry={() => void payment.refetch()} retrying={payment.isFetching} />
          </>
        ))}
      {payment.data !== undefined && (
        <LoadedPayment
          payment={payment.data}
          projects={projects}
          permissions={permissionsFor(payment.data.project_id)}
          deliveries={renderDeliveries?.(payment.data)}
        />
      )}
    </Stack>
  );
}

function DocumentTitle({ title }: { title: string }) {
  useDocumentTitle(title);
  return null;
}

function NotFound({ id }: { id: string }) {
  const { t } = useI18n();
  useDocumentTitle(t('payment.notFound'));
  return (
    <>
      <Title order={1}>{t('payment.notFound')}</Title>
      <EmptyState icon={IconCreditCard} title={t('payment.notFound')} description={t('payment.notFoundDescription', { id })} />
    </>
  );
}

function DetailSkeleton() {
  return (
    <Stack gap="md" aria-busy="true">
      <Skeleton h={14} w={80} />
      <Skeleton h={36} w={260} />
      <Skeleton h={64} />
      <Skeleton h={240} />
    </Stack>
  );
}

function LoadedPayment({
  payment,
  projects,
  permissions,
  deliveries,
}: {
  payment: Payment;
  projects: readonly ProjectOption[];
  permissions: PaymentPermissions;
  deliveries: ReactNode;
}) {
  const { t, formatLocale, timeZone } = useI18n();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [cancelKey, setCancelKey] = useState(newIdempotencyKey);
  const cancel = useCancelPayment();
  const threeDs = useCompleteThreeDs();
  const money = (amount: number) => formatAmount(amount, payment.currency, formatLocale);
  const amount = money(payment.amount);
  useDocumentTitle(t('payment.documentTitle', { amount }));

  const canRefund = permissions.refund && payment.refundable_amount > 0;
  const awaitingCapture = payment.status === 'awaiting_capture';
  const projectName = projects.find((project) => project.id === payment.project_id)?.name ?? payment.project_id;
  const fees = payment.operations.reduce((sum, operation) => sum + operation.fee, 0);
  const close = () => setDialog(null);

  return (
    <>
      <Stack gap={6} component="header">
        <Group gap={6}>
          <IconCreditCard size={14} aria-hidden="true" className={classes.kickerIcon} />
          <Text size="xs" fw={600} tt="uppercase" c="dimmed" className={classes.kicker}>
            {t('payment.kicker')}
          </Text>
          <CopyValue value={payment.id} label={t('payment.copyId')} variant="inline" testId="payment-id" />
        </Group>
        <Group justify="space-between" align="center" gap="md" wrap="wrap">
          <Group gap="sm" align="center">
            <Title order={1} className={`${classes.amount} kassa-numeric`} data-testid="payment-amount">
              {amount}{' '}
              <Text span inherit c="dimmed" fw={400} className={classes.currency}>
                {payment.currency}
              </Text>
            </Title>
            <PaymentStatusBadge status={payment.status} size="lg" />
          </Group>
          <Group gap="xs" role="group" aria-label={t('payment.actions')}>
            {permissions.refund && payment.captured_amount > 0 && (
              <Group gap={8} wrap="nowrap">
                <Text size="sm" c="dimmed" className="kassa-numeric" data-testid="refundable-amount">
                  {t('payment.refundable', { amount: money(payment.refundable_amount) })}
                </Text>
                <Button
                  variant="default"
                  size="sm"
                  leftSection={<IconArrowBackUp size={16} aria-hidden="true" />}
                  onClick={() => setDialog('refund')}
                  disabled={!canRefund}
                >
                  {t('payment.refund')}
                </Button>
              </Group>
            )}
            {permissions.write && awaitingCapture && (
              <>
                <Button
                  variant="default"
                  size="sm"
                  leftSection={<IconLockOpen size={16} aria-hidden="true" />}
                  onClick={() => {
                    cancel.reset();
                    setCancelKey(newIdempotencyKey());
                    setDialog('cancel');
                  }}
                >
                  {t('payment.cancel')}
                </Button>
                <Button size="sm" leftSection={<IconCircleCheck size={16} aria-hidden="true" />} onClick={() => setDialog('capture')}>
                  {t('payment.capture')}
                </Button>
              </>
            )}
          </Group>
        </Group>
      </Stack>

      <Card padding="md">
        <div className={classes.facts}>
          <Fact label={t('payment.fact.date')}>
            <span className="kassa-numeric">{formatDateTime(payment.created_at, formatLocale, timeZone)}</span>
          </Fact>
          <Fact label={t('payment.fact.customer')}>
            {payment.customer.email !== '' ? payment.customer.email : <Text span c="dimmed" inherit>{t('payment.noCustomer')}</Text>}
          </Fact>
          <Fact label={t('payment.fact.method')}>
            <span className="kassa-numeric">{paymentMethodText(payment, t)}</span>
          </Fact>
          <Fact label={t('payment.fact.reference')}>{payment.merchant_reference}</Fact>
          <Fact label={t('payment.risk')}>
            <Text span c="dimmed" inherit>
              —
            </Text>
          </Fact>
        </div>
      </Card>

      {payment.next_action?.type === 'three_ds_challenge' && (
        <Alert color="kassa" variant="light" icon={<IconShieldQuestion size={18} aria-hidden="true" />} title={t('payment.threeDs.title')}>
          <Stack gap="xs">
            <Text size="sm">{t('payment.threeDs.description')}</Text>
            {permissions.write && payment.processor === 'sandbox' && (
              <Group gap="xs">
                <Badge color="gray">{t('payment.threeDs.sandbox')}</Badge>
                <Button size="xs" variant="default" loading={threeDs.isPending} onClick={() => threeDs.mutate({ payment, result: 'pass' })}>
                  {t('payment.threeDs.pass')}
                </Button>
                <Button size="xs" variant="default" loading={threeDs.isPending} onClick={() => threeDs.mutate({ payment, result: 'fail' })}>
                  {t('payment.threeDs.fail')}
                </Button>
              </Group>
            )}
            {threeDs.error !== null && <PaymentProblemAlert error={threeDs.error} currency={payment.currency} />}
          </Stack>
        </Alert>
      )}

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="lg">
            <Section id="timeline" title={t('payment.timeline')}>
              <OperationsTimeline operations={payment.operations} />
            </Section>
            <Section id="amounts" title={t('payment.amounts')}>
              <Table verticalSpacing={6} horizontalSpacing={0} className={classes.amounts} data-testid="payment-amounts">
                <Table.Tbody>
                  <AmountRow label={t('payment.amount.amount')} value={money(payment.amount)} />
                  {!payment.capture && <AmountRow label={t('payment.amount.authorized')} value={money(payment.authorized_amount)} />}
                  <AmountRow label={t('payment.amount.captured')} value={money(payment.captured_amount)} />
                  {payment.refunded_amount > 0 && <AmountRow label={t('payment.amount.refunded')} value={`−${money(payment.refunded_amount)}`} />}
                  {payment.charged_back_amount > 0 && <AmountRow label={t('payment.amount.chargedBack')} value={`−${money(payment.charged_back_amount)}`} />}
                  {fees > 0 && <AmountRow label={t('payment.amount.fees')} value={money(fees)} muted />}
                  <AmountRow label={t('payment.amount.refundable')} value={money(payment.refundable_amount)} strong testId="refundable-total" />
                </Table.Tbody>
              </Table>
            </Section>
            <Section id="method" title={t('payment.method')}>
              <PaymentMethodFacts payment={payment} />
            </Section>
            {permissions.ledger && <LedgerEntriesCard paymentId={payment.id} />}
            {deliveries !== undefined && (
              <Section id="deliveries" title={t('payment.webhooks')} flush>
                {deliveries}
              </Section>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="lg">
            <Section id="details" title={t('payment.details')}>
              <dl className={`kassa-facts ${classes.sideFacts}`}>
                <FactRow label={t('payment.field.id')}>
                  <Text span ff="monospace" size="xs">
                    {payment.id}
                  </Text>
                </FactRow>
                <FactRow label={t('payment.field.reference')}>{payment.merchant_reference}</FactRow>
                <FactRow label={t('payment.field.description')}>{payment.description || '—'}</FactRow>
                <FactRow label={t('payment.field.project')}>{projectName}</FactRow>
                <FactRow label={t('payment.field.capture')}>
                  {payment.capture ? t('payment.captureMode.automatic') : t('payment.captureMode.manual')}
                </FactRow>
                <FactRow label={t('payment.field.processor')}>{payment.processor}</FactRow>
                <FactRow label={t('payment.field.updated')}>
                  <span className="kassa-numeric">{formatDateTime(payment.updated_at, formatLocale, timeZone)}</span>
                </FactRow>
              </dl>
            </Section>
            <Section id="customer" title={t('payment.customer')}>
              {payment.customer.email === '' && payment.customer.id === '' && payment.customer.ip === '' && payment.customer.country === '' ? (
                <Text size="sm" c="dimmed">
                  {t('payment.customer.none')}
                </Text>
              ) : (
                <dl className={`kassa-facts ${classes.sideFacts}`}>
                  <FactRow label={t('payment.customer.email')}>{payment.customer.email || '—'}</FactRow>
                  <FactRow label={t('payment.customer.id')}>{payment.customer.id || '—'}</FactRow>
                  <FactRow label={t('payment.customer.ip')}>
                    <Text span ff="monospace" size="xs">
                      {payment.customer.ip || '—'}
                    </Text>
                  </FactRow>
                  <FactRow label={t('payment.customer.country')}>
                    {payment.customer.country === '' ? '—' : `${countryName(payment.customer.country, formatLocale)} (${payment.customer.country})`}
                  </FactRow>
                </dl>
              )}
            </Section>
            <Section id="risk" title={t('payment.risk')}>
              <Stack gap={4} data-testid="risk-card">
                <Text size="lg" fw={600}>
                  {t('payment.risk.score')}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('payment.risk.hint')}
                </Text>
              </Stack>
            </Section>
            <Section id="metadata" title={t('payment.metadata')}>
              <MetadataTable metadata={payment.metadata} />
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>

      {dialog === 'refund' && <RefundDialog payment={payment} onClose={close} />}
      {dialog === 'capture' && <CaptureDialog payment={payment} onClose={close} />}
      <ConfirmDialog
        opened={dialog === 'cancel'}
        title={t('cancel.title')}
        confirmLabel={t('cancel.confirm')}
        onConfirm={() =>
          cancel.mutate(
            { payment, idempotencyKey: cancelKey },
            {
              onSuccess: () => close(),
            },
          )
        }
        onClose={close}
        busy={cancel.isPending}
        danger
      >
        <Stack gap="sm">
          <Text size="sm">{t('cancel.description', { amount: money(payment.authorized_amount) })}</Text>
          {cancel.error !== null && <PaymentProblemAlert error={cancel.error} currency={payment.currency} />}
        </Stack>
      </ConfirmDialog>
    </>
  );
}

function Section({ id, title, children, flush = false }: { id: string; title: string; children: ReactNode; flush?: boolean }) {
  const headingId = `payment-${id}-heading`;
  return (
    <Card component="section" aria-labelledby={headingId} padding={flush ? 0 : 'lg'}>
      <Title order={2} size="h3" id={headingId} mb={flush ? 0 : 'md'} p={flush ? 'lg' : 0} pb={flush ? 'sm' : 0}>
        {title}
      </Title>
      {children}
    </Card>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className={classes.fact}>
      <Text size="xs" c="dimmed" className={classes.factLabel}>
        {label}
      </Text>
      <Text size="sm" className={classes.factValue}>
        {children}
      </Text>
    </div>
  );
}

function FactRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function AmountRow({ label, value, strong = false, muted = false, testId }: { label: string; value: string; strong?: boolean; muted?: boolean; testId?: string }) {
  return (
    <Table.Tr data-strong={strong || undefined}>
      <Table.Th scope="row">
        <Text size="sm" fw={strong ? 600 : 400} c={muted ? 'dimmed' : undefined}>
          {label}
        </Text>
      </Table.Th>
      <Table.Td ta="right">
        <Text size="sm" fw={strong ? 600 : 400} c={muted ? 'dimmed' : undefined} className="kassa-numeric" data-testid={testId}>
          {value}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

function PaymentMethodFacts({ payment }: { payment: Payment }) {
  const { t, formatLocale } = useI18n();
  const card = payment.card;
  if (card === null) {
    return (
      <dl className="kassa-facts">
        <FactRow label={t('payment.card.type')}>{methodLabel(payment.method, t)}</FactRow>
      </dl>
    );
  }
  return (
    <>
      <Group gap="md" mb="md" wrap="nowrap">
        <div className={classes.cardArt} aria-hidden="true">
          <span>{cardBrandName(card.brand)}</span>
        </div>
        <Stack gap={0}>
          <Text fw={600} className="kassa-numeric">
            {cardBrandName(card.brand)} •••• {card.last4}
          </Text>
          <Text size="sm" c="dimmed" className="kassa-numeric">
            {t('payment.card.expires')} {cardExpiry(card.exp_month, card.exp_year)}
          </Text>
        </Stack>
      </Group>
      <Divider mb="md" />
      <dl className="kassa-facts">
        <FactRow label={t('payment.card.number')}>
          <span className="kassa-numeric">•••• •••• •••• {card.last4}</span>
        </FactRow>
        <FactRow label={t('payment.card.brand')}>{cardBrandName(card.brand)}</FactRow>
        <FactRow label={t('payment.card.expires')}>
          <span className="kassa-numeric">{cardExpiry(card.exp_month, card.exp_year)}</span>
        </FactRow>
        <FactRow label={t('payment.card.issuer')}>
          {card.issuer_country === '' ? '—' : `${countryName(card.issuer_country, formatLocale)} (${card.issuer_country})`}
        </FactRow>
        <FactRow label={t('payment.card.bin')}>
          <span className="kassa-numeric">{card.first6}</span>
        </FactRow>
        <FactRow label={t('payment.card.fingerprint')}>
          <Text span ff="monospace" size="xs">
            {card.token}
          </Text>
        </FactRow>
      </dl>
    </>
  );
}

function MetadataTable({ metadata }: { metadata: Payment['metadata'] }) {
  const { t } = useI18n();
  const entries = Object.entries(metadata);
  if (entries.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('payment.metadata.none')}
      </Text>
    );
  }
  return (
    <dl className={`kassa-facts ${classes.sideFacts}`}>
      {entries.map(([key, value]) => (
        <FactRow key={key} label={key}>
          <Text span ff="monospace" size="xs">
            {typeof value === 'string' ? value : JSON.stringify(value)}
          </Text>
        </FactRow>
      ))}
    </dl>
  );
}
