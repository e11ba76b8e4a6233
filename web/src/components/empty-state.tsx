import { Badge, Card, EmptyState as MantineEmptyState } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import type { ReactNode } from 'react';

export interface EmptyStateProps {
  icon: Icon;
  title: string;
  description: string;
  /** A small tag above the title, e.g. "Coming soon". */
  tag?: string;
  /** Buttons under the description. */
  actions?: ReactNode;
  /** Heading level of the title within the page; the page's h1 is level 1. */
  titleOrder?: 2 | 3;
}

/** What a screen shows when it has nothing to list yet: an icon, a title, one sentence. */
export function EmptyState({ icon: StateIcon, title, description, tag, actions, titleOrder = 2 }: EmptyStateProps) {
  return (
    <Card py={56} px="xl">
      <MantineEmptyState
        variant="light"
        size="md"
        icon={<StateIcon size={26} stroke={1.6} aria-hidden="true" />}
        maw={520}
        mx="auto"
      >
        {tag !== undefined && (
          <Badge variant="light" size="sm" mb={-4}>
            {tag}
          </Badge>
        )}
        <MantineEmptyState.Title order={titleOrder}>{title}</MantineEmptyState.Title>
        <MantineEmptyState.Description>{description}</MantineEmptyState.Description>
        {actions !== undefined && <MantineEmptyState.Actions>{actions}</MantineEmptyState.Actions>}
      </MantineEmptyState>
    </Card>
  );
}
