import { screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/testing/render';
import { CodeInput } from './code-input';

function Harness({ onComplete }: { onComplete: (code: string) => void }) {
  const [value, setValue] = useState('');
  return <CodeInput value={value} onChange={setValue} onComplete={onComplete} autoFocus />;
}

const cells = () => [1, 2, 3, 4, 5, 6].map((index) => screen.getByRole('textbox', { name: `Digit ${index} of 6` }));

describe('CodeInput', () => {
  it('is one labelled group of six cells, the first focused, offering one-time codes', () => {
    renderWithProviders(<Harness onComplete={vi.fn()} />);
    expect(screen.getByRole('group', { name: 'Authentication code' })).toBeInTheDocument();
    expect(cells()[0]).toHaveFocus();
    expect(cells()[0]).toHaveAttribute('autocomplete', 'one-time-code');
    expect(cells()[0]).toHaveAttribute('inputmode', 'numeric');
  });

  it('moves along as digits are typed and reports the complete code', async () => {
    const onComplete = vi.fn();
    const { user } = renderWithProviders(<Harness onComplete={onComplete} />);
    await user.keyboard('492039');
    expect(cells().map((cell) => (cell as HTMLInputElement).value).join('')).toBe('492039');
    expect(onComplete).toHaveBeenCalledWith('492039');
  });

  it.each(['492039', '492 039', ' 492-039 '])('takes a pasted code %j', async (pasted) => {
    const onComplete = vi.fn();
    const { user } = renderWithProviders(<Harness onComplete={onComplete} />);
    await user.paste(pasted);
    expect(onComplete).toHaveBeenCalledWith('492039');
    expect(onComplete).toHaveBeenCalledTimes(1);
  });

  it('ignores letters', async () => {
    const { user } = renderWithProviders(<Harness onComplete={vi.fn()} />);
    await user.keyboard('a1');
    expect((cells()[0] as HTMLInputElement).value).toBe('1');
  });
});
