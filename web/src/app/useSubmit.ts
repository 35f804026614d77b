import { useCallback, useState } from 'react';
import { App } from 'antd';
import { errorMessage } from './api';

/**
 * Runs a write the user asked for: `busy` while it runs, a success message when it is done, the
 * server's refusal as an error message when not. Resolves to whether it succeeded, so the caller
 * closes its modal and reloads only then.
 */
export function useSubmit(): { busy: boolean; submit(work: () => Promise<unknown>, doneText: string): Promise<boolean> } {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const submit = useCallback(async (work: () => Promise<unknown>, doneText: string) => {
    setBusy(true);
    try {
      await work();
      message.success(doneText);
      return true;
    } catch (e) {
      message.error(errorMessage(e));
      return false;
    } finally {
      setBusy(false);
    }
  }, [message]);
  return { busy, submit };
}
