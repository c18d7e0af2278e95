import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import type { TFunction } from '../i18n/I18nProvider.tsx';
import { translate } from '../i18n/translate.ts';
import { loginErrorMessage } from './loginErrorMessage.ts';

const tZh: TFunction = (key, params) => translate('zh-CN', key, params);
const tEn: TFunction = (key, params) => translate('en', key, params);
const hhmm = (d: Date) => d.toISOString().slice(11, 16);

describe('loginErrorMessage', () => {
  it('names wrong credentials in both languages', () => {
    const error = new ApiError({ status: 401, code: 'BAD_CREDENTIALS', message: 'wrong username or password' });
    expect(loginErrorMessage(error, tZh, hhmm)).toBe('用户名或密码错误。');
    expect(loginErrorMessage(error, tEn, hhmm)).toBe('Wrong username or password.');
  });

  it('says until when an account is locked', () => {
    const error = new ApiError({ status: 423, code: 'ACCOUNT_LOCKED', message: 'locked', details: { until: '2025-11-28T08:15:00.000Z' } });
    expect(loginErrorMessage(error, tEn, hhmm)).toBe('Account locked after repeated failures. Try again after 08:15.');
    const withoutTime = new ApiError({ status: 423, code: 'ACCOUNT_LOCKED', message: 'locked' });
    expect(loginErrorMessage(withoutTime, tZh, hhmm)).toBe('多次登录失败，账号已锁定，请稍后再试。');
  });

  it('asks to wait when rate limited and shows the code of anything else', () => {
    expect(loginErrorMessage(new ApiError({ status: 429, code: 'RATE_LIMITED', message: '' }), tZh, hhmm)).toContain('过于频繁');
    expect(loginErrorMessage(new ApiError({ status: 500, code: 'INTERNAL', message: '' }), tEn, hhmm)).toBe('Sign-in failed (INTERNAL).');
  });
});
