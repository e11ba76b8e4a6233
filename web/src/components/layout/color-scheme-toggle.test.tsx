import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { colorSchemeStorageKey } from '@/app/theme';
import { renderWithProviders } from '@/testing/render';
import { ColorSchemeToggle } from './color-scheme-toggle';

const scheme = () => document.documentElement.getAttribute('data-mantine-color-scheme');

describe('ColorSchemeToggle', () => {
  it('offers light, dark and system', () => {
    renderWithProviders(<ColorSchemeToggle />);
    const group = screen.getByRole('radiogroup', { name: 'Colour scheme' });
    expect(group).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Light' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Dark' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'System' })).toBeChecked();
  });

  it('switches to dark and back to light, and remembers the choice', async () => {
    const { user } = renderWithProviders(<ColorSchemeToggle />);
    await user.click(screen.getByRole('radio', { name: 'Dark' }));
    expect(scheme()).toBe('dark');
    expect(screen.getByRole('radio', { name: 'Dark' })).toBeChecked();
    expect(window.localStorage.getItem(colorSchemeStorageKey)).toBe('dark');

    await user.click(screen.getByRole('radio', { name: 'Light' }));
    expect(scheme()).toBe('light');
    expect(window.localStorage.getItem(colorSchemeStorageKey)).toBe('light');
  });

  it('starts from the stored choice', () => {
    window.localStorage.setItem(colorSchemeStorageKey, 'dark');
    renderWithProviders(<ColorSchemeToggle />);
    expect(screen.getByRole('radio', { name: 'Dark' })).toBeChecked();
    expect(scheme()).toBe('dark');
  });
});
