import '@testing-library/jest-dom/vitest';
// As in the app (main.tsx): parse without eval.
import '@/lib/zod-config';
import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { resetApiActivity } from '@/lib/api/activity';

// jsdom lacks these browser APIs; Mantine uses them.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: vi.fn().mockImplementation((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: vi.fn(),
    removeListener: vi.fn(),
    addEventListener: vi.fn(),
    removeEventListener: vi.fn(),
    dispatchEvent: vi.fn(),
  })),
});

class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver = ResizeObserverStub;
window.HTMLElement.prototype.scrollIntoView = function scrollIntoView() {};

afterEach(() => {
  cleanup();
  resetApiActivity();
  window.localStorage.clear();
  document.documentElement.removeAttribute('data-mantine-color-scheme');
});
