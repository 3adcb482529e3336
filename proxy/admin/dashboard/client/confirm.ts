/** A modal confirmation (the page's <dialog>): resolves true only when "Confirm" is pressed. */
import { byId } from './dom.ts';

export function confirmAction(title: string, text: string, confirmLabel: string): Promise<boolean> {
  const dialog = byId<HTMLDialogElement>('confirm');
  const ok = byId<HTMLButtonElement>('confirm-ok');
  const cancel = byId<HTMLButtonElement>('confirm-cancel');
  byId('confirm-title').textContent = title;
  byId('confirm-text').textContent = text;
  ok.textContent = confirmLabel;
  const opener = document.activeElement as HTMLElement | null;
  return new Promise((resolve) => {
    const done = (answer: boolean) => {
      ok.removeEventListener('click', onOk);
      cancel.removeEventListener('click', onCancel);
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
      opener?.focus();
      resolve(answer);
    };
    const onOk = () => done(true);
    const onCancel = () => done(false);
    ok.addEventListener('click', onOk);
    cancel.addEventListener('click', onCancel);
    dialog.addEventListener('cancel', onCancel);
    dialog.showModal();
    ok.focus();
  });
}

let toastTimer: number | undefined;
/** A short status line for screen readers and eyes (role=status). */
export function toast(message: string, kind: 'ok' | 'error' = 'ok'): void {
  const element = byId('toast');
  element.textContent = message;
  element.className = `toast visible ${kind}`;
  window.clearTimeout(toastTimer);
  toastTimer = window.setTimeout(() => {
    element.className = 'toast';
  }, 5000);
}
