import { type ReactNode, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { describeEditError } from './editError.ts';

/**
 * Runs one edit and keeps the notice under its form: the server's field and reason, "someone else changed this"
 * (then reloads, so the form shows the current version) or "not allowed". Resolves true when the edit succeeded.
 */
export function useEditAction(onChanged: () => void): { run(action: () => Promise<unknown>, done?: string): Promise<boolean>; notice: ReactNode } {
  const { t } = useI18n();
  const [message, setMessage] = useState<{ isError: boolean; text: string } | null>(null);
  const run = async (action: () => Promise<unknown>, done?: string): Promise<boolean> => {
    setMessage(null);
    try {
      await action();
      if (done) setMessage({ isError: false, text: done });
      onChanged();
      return true;
    } catch (error) {
      const outcome = describeEditError(error);
      setMessage({ isError: true, text: outcome.kind === 'invalid' ? outcome.text : t(`chains.edit.${outcome.kind}`) });
      if (outcome.kind === 'stale') onChanged();
      return false;
    }
  };
  const notice = message && (
    <p className={message.isError ? 'notice notice--error' : 'notice notice--info'} role={message.isError ? 'alert' : 'status'} data-testid="edit-notice">
      {message.text}
    </p>
  );
  return { run, notice };
}
