import { List, Text, ThemeIcon, VisuallyHidden } from '@mantine/core';
import { IconCheck, IconCircleDashed, IconServer } from '@tabler/icons-react';
import { useT, type PlainMessageKey } from '@/lib/i18n';
import { checkPasswordRules, type PasswordRuleId } from '../password-rules';
import classes from './password-rule-hints.module.css';

const ruleLabels: Readonly<Record<PasswordRuleId, PlainMessageKey>> = {
  length: 'password.rule.length',
  letter: 'password.rule.letter',
  digit: 'password.rule.digit',
  common: 'password.rule.common',
  reused: 'password.rule.reused',
};

export interface PasswordRuleHintsProps {
  password: string;
  /** Changing a password: the server also refuses the last 4. */
  checksReuse?: boolean;
}

/** The rules under the password field, ticked off as the person types. */
export function PasswordRuleHints({ password, checksReuse = false }: PasswordRuleHintsProps) {
  const t = useT();
  const rules = checkPasswordRules(password, { checksReuse });
  return (
    <List spacing={4} size="sm" center className={classes.list} data-testid="password-rules">
      {rules.map((rule) => {
        const met = rule.state === 'met';
        const server = rule.state === 'server';
        return (
          <List.Item
            key={rule.id}
            data-rule={rule.id}
            data-state={rule.state}
            icon={
              <ThemeIcon size={18} radius="xl" variant="light" color={met ? 'teal' : 'gray'} aria-hidden="true">
                {met ? <IconCheck size={12} /> : server ? <IconServer size={11} /> : <IconCircleDashed size={12} />}
              </ThemeIcon>
            }
          >
            <Text span size="sm" c={met ? undefined : 'dimmed'}>
              {t(ruleLabels[rule.id])}
            </Text>
            <VisuallyHidden>
              {met ? t('password.rule.met') : server ? t('password.rule.server') : t('password.rule.unmet')}
            </VisuallyHidden>
          </List.Item>
        );
      })}
    </List>
  );
}
