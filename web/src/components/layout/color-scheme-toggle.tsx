import { Center, SegmentedControl, Tooltip, useMantineColorScheme, VisuallyHidden, type MantineColorScheme } from '@mantine/core';
import { IconDeviceDesktop, IconMoon, IconSun, type Icon } from '@tabler/icons-react';
import { useT, type PlainMessageKey } from '@/lib/i18n';

const options: readonly { value: MantineColorScheme; icon: Icon; labelKey: PlainMessageKey }[] = [
  { value: 'light', icon: IconSun, labelKey: 'theme.light' },
  { value: 'dark', icon: IconMoon, labelKey: 'theme.dark' },
  { value: 'auto', icon: IconDeviceDesktop, labelKey: 'theme.auto' },
];

function isColorScheme(value: string): value is MantineColorScheme {
  return options.some((option) => option.value === value);
}

/**
 * Light, dark or the system's choice. Mantine's colour scheme manager keeps the
 * choice in localStorage; public/color-scheme.js applies it before first paint.
 */
export function ColorSchemeToggle() {
  const t = useT();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  return (
    <SegmentedControl
      size="xs"
      radius="md"
      aria-label={t('theme.label')}
      value={colorScheme}
      onChange={(value) => {
        if (isColorScheme(value)) setColorScheme(value);
      }}
      data={options.map(({ value, icon: OptionIcon, labelKey }) => ({
        value,
        label: (
          <Tooltip label={t(labelKey)} withArrow openDelay={400}>
            <Center style={{ gap: 6 }}>
              <OptionIcon size={16} stroke={1.7} aria-hidden="true" />
              <VisuallyHidden>{t(labelKey)}</VisuallyHidden>
            </Center>
          </Tooltip>
        ),
      }))}
    />
  );
}
