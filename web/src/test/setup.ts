import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { clearCache } from '../api/cache';

afterEach(() => {
  cleanup();
  clearCache();
  window.localStorage.clear();
});
